@sample
Feature: Outcomes
  Every outcome a scenario can have on the Reqnroll runtime.

  Background:
    Given a counter at 0

  Scenario: A passing scenario
    When the counter is increased by 2
    Then the counter reads 2

  Scenario: A failing scenario names its step
    When the counter is increased by 2
    Then the counter reads 3
    And the counter reads 2

  Scenario: An undefined step fails with a snippet
    When the counter is painted "blue" 3 times

  Scenario: A pending step fails as pending
    When the counter is audited

  @ignore
  Scenario: An ignored scenario is skipped
    Then the counter reads 99

  Scenario Outline: Increase by <by>
    When the counter is increased by <by>
    Then the counter reads <total>

    @small
    Examples: small
      | by | total |
      | 1  | 1     |

    @large
    Examples: large
      | by  | total |
      | 100 | 100   |
      | 500 | 500   |

  @rule-tag
  Rule: Rules carry their tags
    Background:
      Given the counter is increased by 5

    Scenario: A rule scenario runs both backgrounds
      Then the counter reads 5
      And the output says "counted"
