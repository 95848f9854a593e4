  # language: qq
Feature: indented unknown language
  Scenario: s
    Given x
  oops
