Feature: CRLF line endings
  Description with CRLF

  Scenario: Windows file
    Given a step
      | a | b |
      | 1 | 2 |
    And a doc string
      """
      line one
      line two
      """
