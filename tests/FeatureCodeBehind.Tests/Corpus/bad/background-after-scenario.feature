Feature: Background must come first
  Scenario: a
    Given b
  Background:
    Given c
  Rule: r
    Scenario: s
      Given t
    Background:
      Given u
