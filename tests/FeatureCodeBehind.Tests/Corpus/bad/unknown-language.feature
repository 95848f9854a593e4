# language: xx
Feature: Unknown language
  Scenario: still parsed in English
    Given a step
