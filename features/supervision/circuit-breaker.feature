@circuit-breaker
Feature: Restart circuit breaker
  A pool whose engine keeps failing stops restarting it. Five consecutive failures open the
  circuit for 300 seconds; then one probe restart is admitted, and only 60 seconds of stable
  running close the circuit again. Operators can reset the circuit or let one restart through.

  Background:
    Given pool gpu-0 serves llama-7b-v1 under the default restart policy

  @req:OC-SUP-4010
  Rule: Five consecutive failures open the circuit

    Scenario Outline: Consecutive failures leave the circuit closed until the fifth
      Given the engine of pool gpu-0 has failed <failures> times in a row
      When pool gpu-0 attempts a restart
      Then the circuit of pool gpu-0 is <state>
      And the restart attempt is <outcome>

      Examples:
        | description                 | failures | state  | outcome |
        | four failures are tolerated | 4        | closed | allowed |
        | the fifth opens the circuit | 5        | open   | refused |

    Scenario: An engine that exits gracefully has not failed
      Given the engine of pool gpu-0 has failed 4 times in a row
      When the engine of pool gpu-0 exits gracefully
      Then the circuit of pool gpu-0 counts 4 failures
      And the circuit of pool gpu-0 is closed

    Scenario: A run of 60 stable seconds starts the count again
      Given the engine of pool gpu-0 has failed 4 times in a row
      And the engine of pool gpu-0 is running again
      When 60 seconds pass
      And the engine of pool gpu-0 fails with a signal
      Then the circuit of pool gpu-0 is closed

  @req:OC-SUP-4011
  Rule: An open circuit refuses restarts for 300 seconds, then admits exactly one probe

    Scenario: An open circuit still refuses a restart after 299 seconds
      Given the circuit of pool gpu-0 has opened
      When 299 seconds pass
      And pool gpu-0 attempts a restart
      Then the restart attempt is refused: the circuit is open

    Scenario: After 300 seconds the circuit is half-open and admits a probe
      Given the circuit of pool gpu-0 has opened
      When 300 seconds pass
      And pool gpu-0 attempts a restart
      Then the circuit of pool gpu-0 is half-open
      And the restart attempt is allowed as the probe

    Scenario: A half-open circuit refuses a second attempt while the probe is outstanding
      Given the circuit of pool gpu-0 is half-open with its probe restarting
      When pool gpu-0 attempts a restart
      Then the restart attempt is refused: its probe is still running

  Rule: The probe closes the circuit only after 60 seconds of stable running

    Scenario Outline: A probe that ran stably for <seconds> seconds leaves the circuit <state>
      Given the circuit of pool gpu-0 is half-open with its probe running
      When <seconds> seconds pass
      Then the circuit of pool gpu-0 is <state>

      Examples:
        | description               | seconds | state     |
        | 59 seconds are not enough | 59      | half-open |
        | 60 seconds close it       | 60      | closed    |

    Scenario: A probe stopped on purpose neither closes nor reopens the circuit
      Given the circuit of pool gpu-0 is half-open with its probe running
      When the probe of pool gpu-0 is stopped on purpose
      And pool gpu-0 attempts a restart
      Then the circuit of pool gpu-0 is half-open
      And the restart attempt is allowed as the probe

    Scenario Outline: Each failed probe keeps the circuit open twice as long, at most one hour
      Given the circuit of pool gpu-0 has reopened after <failed> failed probes
      When the probe of pool gpu-0 fails with a signal
      Then the circuit of pool gpu-0 stays open for <open> seconds

      Examples:
        | description                     | failed | open |
        | the first failed probe: 600 s   | 0      | 600  |
        | the second failed probe: 1200 s | 1      | 1200 |
        | the third failed probe: 2400 s  | 2      | 2400 |
        | the fourth reaches the 1 h cap  | 3      | 3600 |
        | the fifth stays at one hour     | 4      | 3600 |

  Rule: Operators can reset the circuit or let exactly one restart through

    Scenario: The operator's reset closes the circuit and forgets the failures
      Given the circuit of pool gpu-0 has opened
      When the operator resets the circuit of pool gpu-0
      Then the circuit of pool gpu-0 is closed
      And the circuit of pool gpu-0 counts 0 failures

    Scenario: The operator lets exactly one restart through an open circuit
      Given the circuit of pool gpu-0 has opened
      When the operator allows one restart of pool gpu-0
      And pool gpu-0 attempts 2 restarts
      Then 1 restart attempt is allowed and 1 is refused
      And the circuit of pool gpu-0 counts 5 failures

    Scenario: The operator's reset and allowance are logged with the pool
      Given the circuit of pool gpu-0 has opened
      When the operator allows one restart of pool gpu-0
      And the operator resets the circuit of pool gpu-0
      Then the log shows, for pool gpu-0, the restart the operator allowed and the reset

    Scenario: A reset withdraws a restart that was allowed and not used
      Given the circuit of pool gpu-0 has opened
      And the operator allowed one restart of pool gpu-0
      When the operator resets the circuit of pool gpu-0
      And the engine of pool gpu-0 fails 5 times in a row with a signal
      And pool gpu-0 attempts a restart
      Then the restart attempt is refused: the circuit is open

    Scenario: The operator cannot let a restart through a closed circuit: every restart passes already
      When the operator allows one restart of pool gpu-0
      Then the operator's allowance for pool gpu-0 is refused and not logged

  Rule: Driver errors can have a circuit of their own

    Scenario: Five driver errors open the driver circuit while the general circuit stays closed
      Given driver errors have a circuit of their own on pool gpu-0
      When the engine of pool gpu-0 fails 5 times in a row with a driver error
      Then the driver_error circuit of pool gpu-0 is open
      And the general circuit of pool gpu-0 is closed

    Scenario: A driver circuit that turned half-open admits its probe while the general circuit is closed
      Given driver errors have a circuit of their own on pool gpu-0
      When the engine of pool gpu-0 fails 5 times in a row with a driver error
      And 300 seconds pass
      And pool gpu-0 attempts a restart
      Then the driver_error circuit of pool gpu-0 is half-open
      And the restart attempt is allowed as the probe

    Scenario: One restart through two half-open circuits is the probe of both
      Given driver errors have a circuit of their own on pool gpu-0
      And the engine of pool gpu-0 has failed 5 times in a row with a signal
      And the engine of pool gpu-0 has failed 5 times in a row with a driver error
      When 300 seconds pass
      And pool gpu-0 attempts 2 restarts
      Then the first restart attempt is allowed as the probe, and the second refused: its probe is still running

    Scenario: The operator's reset closes every circuit of the pool, and each closing is logged
      Given driver errors have a circuit of their own on pool gpu-0
      And the engine of pool gpu-0 has failed 5 times in a row with a signal
      And the engine of pool gpu-0 has failed 5 times in a row with a driver error
      When the operator resets the circuit of pool gpu-0
      Then the log shows the general circuit of pool gpu-0 going from open to closed
      And the log shows the driver_error circuit of pool gpu-0 going from open to closed

  Rule: Every transition is logged and measured

    Scenario: Opening the circuit is logged with the pool, both states and the failure count
      When the engine of pool gpu-0 fails 5 times in a row with out of memory
      Then the log shows the circuit of pool gpu-0 going from closed to open after 5 failures

    Scenario: An opening announces when the circuit will half-open
      When the engine of pool gpu-0 fails 5 times in a row with a signal
      Then the circuit of pool gpu-0 announces it opened, to half-open 300 seconds from now

    Scenario: The operator's reset is logged as the circuit closing
      Given the circuit of pool gpu-0 has opened
      When the operator resets the circuit of pool gpu-0
      Then the log shows the circuit of pool gpu-0 going from open to closed after 0 failures

    Scenario: Turning half-open is logged
      Given the circuit of pool gpu-0 has opened
      When 300 seconds pass
      Then the log shows the circuit of pool gpu-0 going from open to half-open

    Scenario: A probe that ran stably for 60 seconds is logged as the circuit closing
      Given the circuit of pool gpu-0 is half-open with its probe running
      When 60 seconds pass
      Then the log shows the circuit of pool gpu-0 going from half-open to closed

    Scenario: A failed probe is logged as the circuit opening again
      Given the circuit of pool gpu-0 is half-open with its probe running
      When the probe of pool gpu-0 fails with a signal
      Then the log shows the circuit of pool gpu-0 going from half-open to open

    Scenario Outline: The runtime.circuit_breaker.state gauge shows a <state> circuit
      Given the circuit of pool gpu-0 is <state>
      Then the runtime.circuit_breaker.state gauge of pool gpu-0 shows the circuit <state>

      Examples:
        | state     |
        | closed    |
        | open      |
        | half-open |

    Scenario: Every opening of the circuit is counted
      Given the circuit of pool gpu-0 has opened once and is now half-open with its probe running
      When the probe of pool gpu-0 fails with a signal
      Then the runtime.circuit_breaker.openings counter of pool gpu-0 counts 2 openings: the first, and the probe's failure

  Rule: A circuit setting out of range is refused at once, naming the setting

    Scenario Outline: The restart policy refuses <description>
      Given the <setting> of pool gpu-0 is <value>
      When pool gpu-0 is put under its restart policy
      Then the restart policy of pool gpu-0 is refused: its <setting> <rule>

      Examples:
        | description                             | setting                            | value       | rule                                  |
        | a threshold of no failures              | failure threshold                  | 0           | must be at least 1                    |
        | a circuit that opens for no time        | open time                          | 0 seconds   | must be positive                      |
        | an open time no timer can wait          | open time                          | 50 days     | must be at most 49.7 days             |
        | a cap below the open time               | longest open time                  | 299 seconds | must be at least the open time        |
        | a cap no timer can wait                 | longest open time                  | 50 days     | must be at most 49.7 days             |
        | open times that shrink                  | open time growth per failed probe  | 0.9         | must be a finite number of at least 1 |
        | open times that grow without end        | open time growth per failed probe  | infinity    | must be a finite number of at least 1 |
        | a probe that closes at once             | stable run that closes the circuit | 0 seconds   | must be positive                      |
        | a stable run no timer can wait          | stable run that closes the circuit | 50 days     | must be at most 49.7 days             |

    Scenario: A graceful exit cannot have a circuit of its own
      Given graceful exits have a circuit of their own on pool gpu-0
      When pool gpu-0 is put under its restart policy
      Then the restart policy of pool gpu-0 is refused because a graceful exit is never a failure

    Scenario Outline: The restart policy accepts <description>, at the edge of its range
      Given the <setting> of pool gpu-0 is <value>
      When pool gpu-0 is put under its restart policy
      Then the restart policy of pool gpu-0 is accepted

      Examples:
        | description                               | setting                           | value       |
        | a circuit that opens at the first failure | failure threshold                 | 1           |
        | a cap equal to the open time              | longest open time                 | 300 seconds |
        | open times that do not grow               | open time growth per failed probe | 1           |
