Feature: x
# language: fr
  Scenario: y
