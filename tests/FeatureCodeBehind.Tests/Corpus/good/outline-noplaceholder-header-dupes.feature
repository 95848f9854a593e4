Feature: x
  Scenario Outline: t <a>
    Given <a> <a> <b> <c>
    Examples:
      | a | a | b |
      | 1 | 2 | 3 |
