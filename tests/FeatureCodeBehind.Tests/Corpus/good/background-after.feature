Feature: b
  Scenario: s
  Background: b
