Feature: Descriptions with comments everywhere
  This is a description
  # comment
  with a comment in the middle and at the end
  # comment 2

  Scenario: two lines
  This description
  # comment
  # comment 2
  has two lines and two comments in the middle and is indented with two spaces
    Given the minimalism
