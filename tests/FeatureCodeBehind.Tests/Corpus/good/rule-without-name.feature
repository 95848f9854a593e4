Feature:
  Rule:
  Scenario:
    Given x
