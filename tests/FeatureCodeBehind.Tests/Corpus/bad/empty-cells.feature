Feature: x
  Scenario: y
    Given z
      ||
      |||
