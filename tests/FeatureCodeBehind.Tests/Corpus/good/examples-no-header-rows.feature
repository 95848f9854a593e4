Feature: x
  Scenario Outline: o
    Given <a>
    Examples: only header
      | a |
    Examples: none
