Feature: vt
  Scenario: s
    Given x
