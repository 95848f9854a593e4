Feature: x
  Scenario: y
    Given z
      """   json   
      a
      """
