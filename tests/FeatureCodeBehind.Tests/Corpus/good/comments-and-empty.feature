# a leading comment

# another one
Feature: Only comments around
  # comment in description position

    Description after a comment?

  Scenario:
  Scenario: no steps at all
  Scenario: an And as the first step
    And a conjunction first
    * a star step
    When an action
    And a conjunction after an action
