Feature: Not run
  Scenario: Never ran
    Given nothing
