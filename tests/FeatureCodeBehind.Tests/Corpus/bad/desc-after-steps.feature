Feature: x
  Scenario: s
    Given a
    free text line
