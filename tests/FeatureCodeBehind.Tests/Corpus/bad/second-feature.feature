Feature: one
  Scenario: a
    Given b
Feature: two
