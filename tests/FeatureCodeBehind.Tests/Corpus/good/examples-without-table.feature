Feature: Examples without a table give no pickles
  Scenario: a
    Given b
  Examples:
  Examples:
  Background: is only description text here
