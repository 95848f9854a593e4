# a comment
Feature: Multiple parser errors

  Scenario: minimalistic
    Given the minimalism

  invalid line here

  Scenario: minimalistic
    Given the minimalism

  another invalid line here
