Feature: x
  Scenario: y
    Given z
      """
      # not a comment
      """
    # comment
    Then w
