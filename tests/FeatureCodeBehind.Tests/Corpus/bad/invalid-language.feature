#language:no-such

Feature: Invalid language
  Scenario: minimalistic
    Given the minimalism
