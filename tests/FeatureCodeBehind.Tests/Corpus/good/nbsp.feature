Feature: nbsp 
  Scenario: s 
    Given x 
    | a | b |
