@daemon @process
Feature: Operating the manager
  The manager runs as a service. Operators list, drain and reload its pools over HTTP, an orchestrator
  probes whether it is live and ready and scrapes its metrics, and a SIGTERM stops it gracefully.
  Every scenario runs the real manager service, on loopback, with real engines.

  Rule: Operators act on pools over the API, and every action carries its correlation id

    Scenario: An operator drains a pool over the API
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      When the operator drains pool gpu-0 over the API within 5 seconds
      Then the API answers 200 with the action's correlation id, which the manager's log names
      And the API shows pool gpu-0 as Stopped

    Scenario: An operator reloads a pool over the API
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      When the operator reloads pool gpu-0 to llama-7b-v2 over the API
      Then the API answers 200 with the action's correlation id, which the manager's log names
      And the API shows pool gpu-0 as Ready, serving llama-7b-v2

    Scenario: An operator reloads a pool with room for two engines by a surge
      Given the manager service runs pool gpu-0 serving llama-7b-v1, with 24000 MiB of device memory for models of 8000 MiB
      When the operator reloads pool gpu-0 to llama-7b-v2 by a surge over the API
      Then the API answers 200 with the action's correlation id, which the manager's log names
      And the manager's answer says the pool "serves llama-7b-v2 on engine 1.0 (surge: the new engine started beside the old one, nothing was refused)"
      And the API shows pool gpu-0 as Ready, serving llama-7b-v2

    Scenario: A surge the pool has no room for falls back to draining first, and says why
      Given the manager service runs pool gpu-0 serving llama-7b-v1, with 12000 MiB of device memory for models of 8000 MiB
      When the operator reloads pool gpu-0 to llama-7b-v2 by a surge over the API
      Then the API answers 200 with the action's correlation id, which the manager's log names
      And the manager's answer says the pool "serves llama-7b-v2 on engine 1.0 (drain-first: pool gpu-0 has 12000 MiB of device memory, both engines need 16000 MiB (llama-7b-v1 8000, llama-7b-v2 8000))"
      And the API shows pool gpu-0 as Ready, serving llama-7b-v2

  Rule: A refused action is answered as problem details with the runtime's reason

    Scenario Outline: A drain the pool cannot take is refused
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      And pool gpu-0 has been drained over the API
      When the operator drains pool <pool> over the API within 5 seconds
      Then the API answers <status> with the problem "<reason>"

      Examples:
        | description                  | pool  | status | reason                                     |
        | a stopped pool is a refusal  | gpu-0 | 409    | pool gpu-0 cannot be drained while Stopped |
        | an unknown pool is not found | gpu-9 | 404    | pool gpu-9 is not registered               |

    Scenario: A pool that is draining refuses a reload
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      And an operator holds a lease on pool gpu-0 through the API
      And the operator has begun to drain pool gpu-0 over the API within 30 seconds
      When the operator reloads pool gpu-0 to llama-7b-v2 over the API
      Then the API answers 409 with the problem "pool gpu-0 is draining"

    Scenario: A reload by a strategy the manager does not know is refused
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      When the operator reloads pool gpu-0 to llama-7b-v2 by the strategy "blue-green" over the API
      Then the API answers 400 with the problem "strategy must be drain_first or surge, got 'blue-green'"
      And the API shows pool gpu-0 as Ready, serving llama-7b-v1

    Scenario: A reload that names a blank model is refused
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      When the operator reloads pool gpu-0 to engine version 2.0 with a blank model name over the API
      Then the API answers 400 with the problem "a model or engine version a reload names must not be blank"
      And the API shows pool gpu-0 as Ready, serving llama-7b-v1

  Rule: An operator restarts a pool its circuit stopped

    Scenario: An operator resets the open circuit of a pool
      Given the circuit of every pool of the manager service opens at its first crash
      And the manager service runs pool gpu-0 serving llama-7b-v1
      When the engine the manager service runs for pool gpu-0 is killed by SIGKILL
      Then the API shows pool gpu-0 as Failed, with its circuit open
      When the operator resets the circuit of pool gpu-0 over the API
      Then the API shows pool gpu-0 as Ready, with its circuit closed

    Scenario: An operator lets one restart through the open circuit
      Given the circuit of every pool of the manager service opens at its first crash
      And the manager service runs pool gpu-0 serving llama-7b-v1
      And the manager service has stopped pool gpu-0, its circuit opened by a crash
      When the operator lets one restart of pool gpu-0 through over the API
      Then the API answers 200 with the action's correlation id, which the manager's log names
      And the API shows pool gpu-0 as Ready

    Scenario: One restart is refused for a pool its circuit did not stop
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      When the operator lets one restart of pool gpu-0 through over the API
      Then the API answers 409 with the problem "pool gpu-0 is not stopped by its restart policies: it is Ready"

  Rule: The probes and the metrics tell an orchestrator how the manager is doing

    Scenario: The manager is ready while a pool is ready
      Given the circuit of every pool of the manager service opens at its first crash
      And the manager service runs pool gpu-0 serving llama-7b-v1
      Then the manager service is live and ready
      When the engine the manager service runs for pool gpu-0 is killed by SIGKILL
      Then the manager service is live but not ready

    Scenario Outline: Readiness follows the configured rule
      Given the manager service's readiness rule is <rule>
      And the manager service also runs pool gpu-1, whose engine never becomes healthy
      And the manager service runs pool gpu-0 serving llama-7b-v1
      Then the manager service is <readiness>

      Examples:
        | description              | rule     | readiness          |
        | any ready pool will do   | AnyPool  | live and ready     |
        | every pool must be ready | AllPools | live but not ready |

    Scenario: The metrics endpoint counts an engine's crash
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      When the engine the manager service runs for pool gpu-0 is killed by SIGKILL
      Then the metrics endpoint shows runtime_engine_crashes_total 1 for pool gpu-0 and crash reason signal

  Rule: A SIGTERM drains every pool within the grace period, then the manager exits

    Scenario: A lease held at SIGTERM finishes before the manager exits
      Given the manager service has a shutdown grace period of 10 seconds
      And the manager service runs pool gpu-0 serving llama-7b-v1
      And an operator holds a lease on pool gpu-0 through the API
      When the manager service is stopped by SIGTERM
      Then the API refuses a new lease on pool gpu-0 with "pool gpu-0 is draining"
      When the operator releases the lease on pool gpu-0 over the API
      Then the manager service exits with code 0 within its grace period
      And no engine of the manager service is running

    Scenario: An engine still busy at the end of the grace period is killed
      Given the manager service has a shutdown grace period of 300 milliseconds
      And the manager service runs pool gpu-0 serving llama-7b-v1
      And an operator holds a lease on pool gpu-0 through the API
      When the manager service is stopped by SIGTERM
      Then the manager service exits with code 0 once its grace period has passed
      And the manager's log says the engine of pool gpu-0 was killed by SIGKILL
      And no engine of the manager service is running

  Rule: The state file keeps each pool's counts across a restart of the manager

    Scenario: Crash and restart counts survive a restart of the manager
      Given the manager service runs pool gpu-0 serving llama-7b-v1
      And the engine the manager service runs for pool gpu-0 has crashed and restarted once
      When the manager service restarts
      Then the API shows pool gpu-0 as Ready, with 1 crash and 1 restart

  Rule: A bad configuration is refused at start, naming the setting

    Scenario Outline: The manager refuses to start with a bad setting
      Given the manager service is configured with pool gpu-0 serving llama-7b-v1
      And its setting <setting> is "<value>"
      When the manager service attempts to start
      Then it exits with code 78, saying "<message>"

      Examples:
        | description               | setting                                     | value | message                                                   |
        | a pool without a model    | Pools:gpu-0:Model                           |       | Manager:Pools:gpu-0:Model must be set                     |
        | a runtime option refused  | Supervision:CircuitBreaker:FailureThreshold | 0     | CircuitBreakerOptions.FailureThreshold must be at least 1 |
        | a value of the wrong type | ShutdownGracePeriod                         | soon  | Manager:ShutdownGracePeriod                               |

  Rule: With a bearer token configured, the API answers only requests that carry it
    A manager listening beyond loopback must have a token: it refuses to start without one. These scenarios
    configure the token on loopback, where this suite's servers listen.

    Scenario Outline: A request <carrying> is answered <status>
      Given the manager service requires the bearer token "s3cret"
      And the manager service runs pool gpu-0 serving llama-7b-v1
      When a client lists the pools over the API <carrying>
      Then the API answers <status>

      Examples:
        | description                   | carrying                | status |
        | no token is unauthorized      | without a token         | 401    |
        | a wrong token is unauthorized | with the token "nope"   | 401    |
        | the token is let through      | with the token "s3cret" | 200    |
