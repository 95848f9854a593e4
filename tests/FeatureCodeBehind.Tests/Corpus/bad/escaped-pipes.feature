Feature: Escaped pipe
  Scenario: x
    Given a simple data table
      | \|a\|b\| | \\ | \n |
      | \t \x | a\\|b | \\n |
