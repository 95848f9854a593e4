Feature: CRLF with errors
  Scenario: s
    Given x
      | a | b |
      | c |
  Garbage
