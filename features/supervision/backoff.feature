@backoff
Feature: Restart backoff
  When an engine crashes, its pool restarts it after a delay that doubles with every
  consecutive crash: 1 s, 2 s, 4 s ... never more than 60 s. A crash loop cannot hammer
  the GPU, yet a pool that crashed once is serving again within a second.

  Background:
    Given pool gpu-0 serves llama-7b-v1 under the default restart policy

  Rule: The delay doubles with every consecutive crash, up to 60 seconds

    Scenario Outline: Consecutive crashes wait longer and longer, never more than 60 seconds
      Given the engine of pool gpu-0 has crashed <earlier> times in a row
      When the engine of pool gpu-0 crashes with a non-zero exit code
      Then the restart of pool gpu-0 is scheduled in <delay> seconds
      And the scheduled restart of pool gpu-0 counts <crash> consecutive crashes

      Examples:
        | description                 | earlier | crash | delay |
        | the first crash waits 1 s   | 0       | 1     | 1     |
        | the second crash waits 2 s  | 1       | 2     | 2     |
        | the fifth crash waits 16 s  | 4       | 5     | 16    |
        | the seventh reaches the cap | 6       | 7     | 60    |
        | the eleventh stays capped   | 10      | 11    | 60    |

  Rule: Jitter spreads restarts by at most 10 percent, within the cap and the minimum

    Scenario Outline: A jitter of <jitter> moves the first delay to <delay> milliseconds
      Given restarts are jittered by <jitter>
      When the engine of pool gpu-0 crashes with a non-zero exit code
      Then the restart of pool gpu-0 is scheduled in <delay> milliseconds

      Examples:
        | description           | jitter | delay |
        | the earliest restart  | -10%   | 900   |
        | no jitter             | +0%    | 1000  |
        | a restart 5% late     | +5%    | 1050  |

    Scenario: Jitter never pushes a capped delay above 60 seconds
      Given restarts are jittered by +9.9%
      And the engine of pool gpu-0 has crashed 10 times in a row
      When the engine of pool gpu-0 crashes with a non-zero exit code
      Then the restart of pool gpu-0 is scheduled in 60 seconds

    Scenario: Jitter never pulls a delay below the minimum delay
      Given pool gpu-0 waits at least 1 second before any restart
      And restarts are jittered by -10%
      When the engine of pool gpu-0 crashes with a non-zero exit code
      Then the restart of pool gpu-0 is scheduled in 1 second

  Rule: A driver error waits twice as long as any other crash

    Scenario Outline: The crash reason sets the first delay
      When the engine of pool gpu-0 crashes with <reason>
      Then the restart of pool gpu-0 is scheduled in <delay> seconds

      Examples:
        | description                        | reason                | delay |
        | a driver error doubles the delay   | a driver error        | 2     |
        | out of memory waits the base delay | out of memory         | 1     |
        | a signal waits the base delay      | a signal              | 1     |
        | a failed health check waits 1 s    | a failed health check | 1     |

    Scenario: A driver error near the cap still waits at most 60 seconds
      Given the engine of pool gpu-0 has crashed 6 times in a row
      When the engine of pool gpu-0 crashes with a driver error
      Then the restart of pool gpu-0 is scheduled in 60 seconds

  Rule: 300 seconds of stable running bring the delay back to 1 second

    Scenario: An engine that ran stably for 300 seconds is restarted after 1 second again
      Given the engine of pool gpu-0 has crashed 4 times in a row
      And the engine of pool gpu-0 is running again
      When 300 seconds pass
      And the engine of pool gpu-0 crashes with a signal
      Then the restart of pool gpu-0 is scheduled in 1 second

    Scenario: An engine that crashes after 299 seconds keeps doubling
      Given the engine of pool gpu-0 has crashed 4 times in a row
      And the engine of pool gpu-0 is running again
      When 299 seconds pass
      And the engine of pool gpu-0 crashes with a signal
      Then the restart of pool gpu-0 is scheduled in 16 seconds

    Scenario Outline: After <seconds> stable seconds the pool counts <count> crashes in a row
      Given the engine of pool gpu-0 has crashed 4 times in a row
      And the engine of pool gpu-0 is running again
      When <seconds> seconds pass
      Then pool gpu-0 counts <count> crashes in a row

      Examples:
        | description                  | seconds | count |
        | 299 seconds keep the count   | 299     | 4     |
        | 300 seconds forget the count | 300     | 0     |

    Scenario: The operator's reset brings the delay back to 1 second
      Given the engine of pool gpu-0 has crashed 4 times in a row
      When the operator resets the restart backoff of pool gpu-0
      And the engine of pool gpu-0 crashes with a signal
      Then the restart of pool gpu-0 is scheduled in 1 second

  Rule: Every scheduled restart is logged and measured

    Scenario: A scheduled restart is logged with its delay, crash count and restart time
      Given the engine of pool gpu-0 has crashed 1 time in a row
      When the engine of pool gpu-0 crashes with out of memory
      Then the supervisor logs the restart it scheduled for pool gpu-0:
        | crashes in a row | last crash    | delay     | restarts           |
        | 2                | out of memory | 2 seconds | 2 seconds from now |

    Scenario: A scheduled restart is measured by pool and crash reason
      When the engine of pool gpu-0 crashes with a driver error
      Then the runtime.restart.backoff.delay histogram of pool gpu-0 records 2 seconds for crash reason driver_error
      And the runtime.restart.scheduled counter of pool gpu-0 counts 1 for crash reason driver_error

  Rule: Forgetting the crashes is announced, with its cause

    Scenario: 300 stable seconds reset the delay, and the pool says so
      Given the engine of pool gpu-0 has crashed 4 times in a row
      And the engine of pool gpu-0 is running again
      When 300 seconds pass
      Then pool gpu-0 announces that its restart delay was reset after a stable run, forgetting 4 crashes in a row

    Scenario: The operator's reset is announced as the operator's
      Given the engine of pool gpu-0 has crashed 4 times in a row
      When the operator resets the restart backoff of pool gpu-0
      Then pool gpu-0 announces that its restart delay was reset by the operator, forgetting 4 crashes in a row

    Scenario: A reset with no crash to forget is not announced
      When the operator resets the restart backoff of pool gpu-0
      Then pool gpu-0 announces no reset of its restart delay

  Rule: A restart delay setting out of range is refused at once, naming the setting

    Scenario Outline: A <setting> of <value> is refused
      Given the <setting> of pool gpu-0 is <value>
      When pool gpu-0 is put under its restart policy
      Then the restart policy of pool gpu-0 is refused: its <setting> <rule>

      Examples:
        | description                              | setting                          | value       | rule                                           |
        | no first delay                           | first delay                      | 0 seconds   | must be positive                               |
        | a first delay no timer can wait          | first delay                      | 50 days     | must be at most 49.7 days                      |
        | a cap below the first delay              | longest delay                    | 0.5 seconds | must be at least the first delay               |
        | a cap no timer can wait                  | longest delay                    | 50 days     | must be at most 49.7 days                      |
        | a negative minimum                       | shortest delay                   | -1 seconds  | must be between zero and the longest delay     |
        | a minimum above the cap                  | shortest delay                   | 61 seconds  | must be between zero and the longest delay     |
        | delays that shrink                       | growth per crash                 | 0.9         | must be a finite number of at least 1          |
        | a negative jitter                        | jitter                           | -1%         | must be at least 0 and below 1                 |
        | a jitter of the whole delay              | jitter                           | 100%        | must be at least 0 and below 1                 |
        | no stable run                            | stable run that resets the delay | 0 seconds   | must be positive                               |
        | a stable run no timer can wait           | stable run that resets the delay | 50 days     | must be at most 49.7 days                      |
        | driver errors that restart at once       | delay factor for driver errors   | 0           | must be a finite positive number               |

    Scenario Outline: A <setting> of <value>, at the edge of its range, is accepted
      Given the <setting> of pool gpu-0 is <value>
      When pool gpu-0 is put under its restart policy
      Then the restart policy of pool gpu-0 is accepted

      Examples:
        | description                       | setting          | value      |
        | a cap equal to the first delay    | longest delay    | 1 second   |
        | no minimum                        | shortest delay   | 0 seconds  |
        | a minimum equal to the cap        | shortest delay   | 60 seconds |
        | delays that do not grow           | growth per crash | 1          |
        | no jitter                         | jitter           | 0%         |
