Feature: x
  Scenario Outline: o
    Given <a>
    Examples:
      | a |
      | \\ |
      | x\ |
