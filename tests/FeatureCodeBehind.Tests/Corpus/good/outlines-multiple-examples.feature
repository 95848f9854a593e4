@backoff
Feature: Restart backoff

  Background:
    Given a restart policy with base 1 second

  @outline-tag
  Scenario Outline: Delay after <failures> failures is <delay>
    Given the engine failed <failures> times
    When the supervisor plans the next restart
    Then the delay is <delay> seconds
    And the log says "<message>"
    And the plan is:
      | failures   | delay   |
      | <failures> | <delay> |
    And the event payload is:
      """json
      {"failures": <failures>, "delay": "<delay>"}
      """

    @fast
    Examples: Short delays
      The first attempts come quickly.

      | failures | delay | message              |
      | 1        | 1     | retry soon           |
      | 2        | 2     | retry <failures>     |

    @slow @capped
    Examples: Capped delays
      | failures | delay | message  |
      | 10       | 300   | capped   |

    Scenarios: Empty examples keep no rows
      | failures | delay | message |

    Examples: no table at all

  Scenario Template: Template keyword with <name>
    * a step with <name>
    And another one

    Examples:
      | name  |
      | alpha |
