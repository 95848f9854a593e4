Feature: nelx
  Scenario: s y
    Given x 
