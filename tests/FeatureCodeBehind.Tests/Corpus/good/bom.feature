Feature: bom
  Scenario: s
    Given x
