Feature: x
  Example: e
    Given a
  Scenario Template: t <a>
    Given <a>
    Scenarios:
      | a |
      | 1 |
