@restart-storm
Feature: Restart storms
  A pool restarts its engine at most 10 times in any 60 seconds. Past 5 restarts in that
  window a warning is raised. The restart that finds the limit reached is refused: that is a
  restart storm, a critical alert classified by its most frequent crash reason, and the
  pool's circuit opens.

  Background:
    Given pool gpu-0 serves llama-7b-v1 under the default restart policy

  @req:OC-SUP-4020
  Rule: At most 10 restarts in any 60 seconds

    Scenario: Eight restarts and, 30 seconds later, two more are all allowed
      Given pool gpu-0 has restarted 8 times after a signal
      When 30 seconds pass
      And pool gpu-0 restarts 2 times after a signal
      Then every restart of pool gpu-0 is allowed

    Scenario: An eleventh restart inside the window is refused
      Given pool gpu-0 has restarted 10 times after a signal
      When 59 seconds pass
      And pool gpu-0 restarts 1 time after a signal
      Then the last restart of pool gpu-0 is refused

    Scenario: Restarts older than 60 seconds no longer count
      Given pool gpu-0 has restarted 10 times after a signal
      When 60 seconds pass
      And pool gpu-0 restarts 1 time after a signal
      Then the last restart of pool gpu-0 is allowed

    Scenario Outline: After <seconds> seconds the pool counts <count> restarts in its window
      Given pool gpu-0 has restarted 10 times after a signal
      When <seconds> seconds pass
      Then pool gpu-0 counts <count> restarts in the last 60 seconds

      Examples:
        | description                          | seconds | count |
        | 59 seconds on, all still count       | 59      | 10    |
        | 60 seconds on, they have dropped out | 60      | 0     |

  Rule: More than 5 restarts in the window raise a warning

    Scenario Outline: Restarts beyond the fifth in 60 seconds raise warnings
      When pool gpu-0 restarts <restarts> times after a signal
      Then pool gpu-0 has raised <warnings> restart rate warnings

      Examples:
        | description             | restarts | warnings |
        | five restarts are quiet | 5        | 0        |
        | the sixth warns         | 6        | 1        |
        | the seventh warns again | 7        | 2        |

    Scenario: The warning names the restart count and the window
      When pool gpu-0 restarts 6 times after a signal
      Then a restart rate warning says pool gpu-0 restarted 6 times in 60 seconds

  Rule: Reaching the limit is a restart storm that opens the circuit

    Scenario: The refused restart raises a critical storm alert and opens the circuit
      Given pool gpu-0 has restarted 10 times after a signal
      When pool gpu-0 restarts 1 time after a signal
      Then a critical restart storm alert names pool gpu-0 with 10 restarts
      And the circuit of pool gpu-0 is open
      And the log shows the circuit of pool gpu-0 going from closed to open

    Scenario: Every refused restart is logged, yet the storm raises one alert
      Given pool gpu-0 has restarted 10 times after a signal
      When pool gpu-0 restarts 3 times after a signal
      Then pool gpu-0 has raised 1 restart storm alert
      And each of the 3 refused restarts of pool gpu-0 is logged with 10 restarts in 60 seconds

    Scenario Outline: A storm is classified by its most frequent crash reason
      Given pool gpu-0 has restarted 7 times after <dominant>
      And pool gpu-0 has restarted 3 times after a signal
      When pool gpu-0 restarts 1 time after <dominant>
      Then the restart storm of pool gpu-0 is classified as <storm>
      And the storm alert of pool gpu-0 advises "<hint>"

      Examples:
        | description                 | dominant              | storm              | hint                                                                                       |
        | mostly out of memory        | out of memory         | oom_storm          | reduce the model's memory footprint or batch size, or move it to a device with more memory |
        | mostly driver errors        | a driver error        | driver_error_storm | check the accelerator driver and the device's health, then reset or replace the device     |
        | mostly failed health checks | a failed health check | crash_storm        | read the engine's logs for the repeated failure and fix the model or its configuration     |

    Scenario: The refused restart's own crash counts, and a tie goes to the most recent crash
      Given pool gpu-0 has restarted, in this order:
        | after          | restarts |
        | a signal       | 1        |
        | a driver error | 5        |
        | out of memory  | 4        |
      When pool gpu-0 restarts 1 time after out of memory
      Then the restart storm of pool gpu-0 is classified as oom_storm

    Scenario: A tie among the earlier crashes goes to the most recent of them
      Given pool gpu-0 has restarted, in this order:
        | after          | restarts |
        | a driver error | 5        |
        | out of memory  | 5        |
      When pool gpu-0 restarts 1 time after a signal
      Then the restart storm of pool gpu-0 is classified as oom_storm

    Scenario: A storm is counted and the restart rate is measured per pool
      Given pool gpu-0 has restarted 10 times after out of memory
      When pool gpu-0 restarts 1 time after out of memory
      Then the runtime.restart.storms counter of pool gpu-0 counts 1 for storm kind oom_storm
      And the runtime.restart.rate gauge of pool gpu-0 reads 10

  @process
  Rule: The supervisor of a real engine opens the circuit on a restart storm
    The limit is lowered to 3 restarts to keep the example short. Each restart comes after its
    backoff delay (1, 2, then 4 seconds), so all of them fall inside the 60 seconds.

    Scenario: A restart storm on a real engine opens the circuit
      Given pool gpu-0 serves llama-7b-v1 with at most 3 restarts in 60 seconds
      When the engine of pool gpu-0 is killed by SIGSEGV 4 times in a row
      Then the supervisor raises a critical restart storm alert for pool gpu-0 after 3 restarts
      And the supervisor has opened the circuit of pool gpu-0
      And no restart of pool gpu-0 is scheduled

  Rule: 600 seconds of stable running reset the restart count

    Scenario Outline: A pool that ran stably for <seconds> seconds has a restart count of <count>
      Given pool gpu-0 has restarted 7 times after a signal
      And the engine of pool gpu-0 is running again
      When <seconds> seconds pass
      Then the restart count of pool gpu-0 is <count>

      Examples:
        | description                 | seconds | count |
        | 599 seconds are not enough  | 599     | 7     |
        | 600 seconds reset the count | 600     | 0     |
        | a longer run resets it too  | 700     | 0     |

    Scenario: A restart during the stable run keeps the count
      Given pool gpu-0 has restarted 7 times after a signal
      And the engine of pool gpu-0 is running again
      When 100 seconds pass
      And pool gpu-0 restarts 1 time after a signal
      And 500 seconds pass
      Then the restart count of pool gpu-0 is 8

    Scenario: A stable run clears a restart window longer than itself
      Given the restart window of pool gpu-0 is 3600 seconds
      And pool gpu-0 has restarted 10 times after a signal
      And the engine of pool gpu-0 is running again
      When 600 seconds pass
      And pool gpu-0 restarts 1 time after a signal
      Then the last restart of pool gpu-0 is allowed

    Scenario: The stable run's reset is logged with the restarts it forgets
      Given pool gpu-0 has restarted 7 times after a signal
      And the engine of pool gpu-0 is running again
      When 600 seconds pass
      Then the log says the restart count of pool gpu-0 was reset after a stable run, forgetting 7 restarts

    Scenario: A stable run with no restart to forget logs no reset
      Given the engine of pool gpu-0 is running again
      When 600 seconds pass
      Then the log shows no reset of the restart count of pool gpu-0

  Rule: A restart limit setting out of range is refused at once, naming the setting

    Scenario Outline: A <setting> of <value> is refused
      Given the <setting> of pool gpu-0 is <value>
      When pool gpu-0 is put under its restart policy
      Then the restart policy of pool gpu-0 is refused: its <setting> <rule>

      Examples:
        | description                       | setting                                  | value     | rule                                            |
        | no restart at all                 | restart limit                            | 0         | must be at least 1                              |
        | no window                         | restart window                           | 0 seconds | must be positive                                |
        | a window no timer can wait        | restart window                           | 50 days   | must be at most 49.7 days                       |
        | a negative warning threshold      | warning threshold                        | -1        | must be at least 0 and below the restart limit  |
        | a warning only past the limit     | warning threshold                        | 10        | must be at least 0 and below the restart limit  |
        | no stable run                     | stable run that resets the restart count | 0 seconds | must be positive                                |
        | a stable run no timer can wait    | stable run that resets the restart count | 50 days   | must be at most 49.7 days                       |

    Scenario: A limit of one restart, warned from the first, is accepted
      Given the restart limit of pool gpu-0 is 1
      And the warning threshold of pool gpu-0 is 0
      When pool gpu-0 is put under its restart policy
      Then the restart policy of pool gpu-0 is accepted
