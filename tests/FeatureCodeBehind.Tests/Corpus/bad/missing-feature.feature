Scenario: no feature line
  Given a step
Given another
