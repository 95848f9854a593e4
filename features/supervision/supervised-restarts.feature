@supervised-restarts @process
Feature: Supervised restarts
  The restart policies as the supervisor applies them to real engines. A crashed engine comes back
  when its backoff delay has passed on the clock, and not a moment before. After too many crashes
  in a row the pool's circuit opens: the pool stops and no engine is started until the circuit lets
  exactly one probe through. Operators can reset the circuit or let one restart through, and every
  action they take is logged with a correlation id. Crash and restart counts outlive the manager.

  @backoff
  Rule: A crashed engine comes back when its backoff delay has passed, and not before

    Scenario: One millisecond before the backoff delay the pool still has no engine
      Given pool gpu-0 serves llama-7b-v1
      When the engine of pool gpu-0 is killed by SIGKILL
      And 999 milliseconds pass
      Then pool gpu-0 is restarting on no engine
      And 1 engine has been started for pool gpu-0 in all: the first

    Scenario: At the backoff delay a new engine serves the pool
      Given pool gpu-0 serves llama-7b-v1
      When the engine of pool gpu-0 is killed by SIGKILL
      And 1 second passes
      Then pool gpu-0 is ready again on a new engine
      And 2 engines have been started for pool gpu-0 in all: the first and 1 restart

    Scenario: The crash event tells the pool, the model, the engine version, the uptime and the signal
      Given pool gpu-0 serves llama-7b-v1
      And 90 seconds passed
      When the engine of pool gpu-0 is killed by SIGSEGV
      Then the crash event of pool gpu-0 reads:
        | field          | value       |
        | pool           | gpu-0       |
        | model          | llama-7b-v1 |
        | engine version | 1.0         |
        | uptime         | 90 seconds  |
        | exit code      | none        |
        | signal         | SIGSEGV     |
        | reason         | signal      |

    Scenario: An out-of-memory kill raises a critical alert
      Given pool gpu-0 serves llama-7b-v1
      When the engine of pool gpu-0 is killed by the out-of-memory killer
      Then a critical alert says the out-of-memory killer ended engine llama-7b-v1 of pool gpu-0

  @circuit-breaker
  Rule: After 3 crashes in a row the circuit opens, and only one probe engine is started when it half-opens

    Scenario: The third crash in a row opens the circuit and stops the pool
      Given pool gpu-0 serves llama-7b-v1 with a circuit opening after 3 crashes in a row
      When the engine of pool gpu-0 is killed by SIGSEGV 3 times in a row
      Then pool gpu-0 is stopped by its restart policies: "restart refused: circuit open"
      And the supervisor reports the circuit of pool gpu-0 as open
      And 3 engines have been started for pool gpu-0 in all: the first and 2 restarts

    Scenario: No engine is started while the circuit is open
      Given pool gpu-0 serves llama-7b-v1 with a circuit opening after 3 crashes in a row
      And the engine of pool gpu-0 was killed by SIGSEGV 3 times in a row
      When 299 seconds pass
      Then pool gpu-0 runs no engine
      And 3 engines have been started for pool gpu-0 in all: the first and 2 restarts

    Scenario: When the circuit half-opens exactly one probe engine is started
      Given pool gpu-0 serves llama-7b-v1 with a circuit opening after 3 crashes in a row
      And the engine of pool gpu-0 was killed by SIGSEGV 3 times in a row
      When 300 seconds pass
      Then pool gpu-0 is ready again on a new engine
      And 4 engines have been started for pool gpu-0 in all: the first, 2 restarts and 1 probe
      And the supervisor reports the circuit of pool gpu-0 as half-open

    Scenario: A probe that runs 60 stable seconds closes the circuit
      Given pool gpu-0 serves llama-7b-v1 with a circuit opening after 3 crashes in a row
      And the circuit of pool gpu-0 opened after 3 crashes in a row and its probe engine serves
      When 60 seconds pass
      Then the supervisor reports the circuit of pool gpu-0 as closed

    Scenario: A probe that crashes keeps the pool stopped for twice as long
      Given pool gpu-0 serves llama-7b-v1 with a circuit opening after 3 crashes in a row
      And the circuit of pool gpu-0 opened after 3 crashes in a row and its probe engine serves
      When the engine of pool gpu-0 is killed by SIGSEGV
      And 599 seconds pass
      Then pool gpu-0 runs no engine
      And the supervisor reports the circuit of pool gpu-0 as open
      And 4 engines have been started for pool gpu-0 in all: the first and 3 restarts

    Scenario: After twice as long the next probe engine is started
      Given pool gpu-0 serves llama-7b-v1 with a circuit opening after 3 crashes in a row
      And the circuit of pool gpu-0 opened after 3 crashes in a row and its probe engine serves
      When the engine of pool gpu-0 is killed by SIGSEGV
      And 600 seconds pass
      Then pool gpu-0 is ready again on a new engine
      And 5 engines have been started for pool gpu-0 in all: the first, 2 restarts and 2 probes

    Scenario: Five CUDA errors open the driver-error circuit while the general one stays closed
      Given pool gpu-0 serves llama-7b-v1 with driver errors on a circuit of their own
      When the engine of pool gpu-0 logs a CUDA error 5 times in a row
      Then pool gpu-0 is stopped by its restart policies: "restart refused: circuit open"
      And the supervisor reports the driver_error circuit of pool gpu-0 as open
      And the supervisor reports the general circuit of pool gpu-0 as closed

    Scenario: A crash while the circuit is open is recorded and starts nothing
      Given pool gpu-0 serves llama-7b-v1 with a circuit opening after 3 crashes in a row
      And the engine of pool gpu-0 was killed by SIGSEGV 3 times in a row
      And the operator allowed one restart of pool gpu-0 as "op-19"
      And pool gpu-0 serves again on a new engine
      When the engine of pool gpu-0 is killed by SIGSEGV
      Then pool gpu-0 is stopped by its restart policies: "restart refused: circuit open"
      And the crash count of pool gpu-0 is 4
      And the supervisor reports the circuit of pool gpu-0 as open
      And 4 engines have been started for pool gpu-0 in all: the first, 2 restarts and 1 probe

  Rule: Operators can reset the circuit or let exactly one restart through

    Scenario: Resetting the circuit of a stopped pool closes it and starts its engine
      Given pool gpu-0 serves llama-7b-v1 with a circuit opening after 3 crashes in a row
      And the engine of pool gpu-0 was killed by SIGSEGV 3 times in a row
      When the operator resets the circuit of pool gpu-0 as "op-17"
      Then pool gpu-0 is ready again on a new engine
      And the supervisor reports the circuit of pool gpu-0 as closed
      And the operator's reset of the circuit of pool gpu-0 is logged with correlation id "op-17"

    Scenario: One restart let through a storm-stopped pool keeps its restart window
      Given pool gpu-0 serves llama-7b-v1 with at most 3 restarts in 60 seconds
      And the engine of pool gpu-0 was killed by SIGSEGV 4 times in a row
      When the operator allows one restart of pool gpu-0 as "op-18"
      Then pool gpu-0 is ready again on a new engine
      And the runtime.restart.rate gauge of pool gpu-0 still reads 3
      And the operator's one restart let through for pool gpu-0 is logged with correlation id "op-18"

    Scenario: A pool let through once stops again at its next crash inside the window
      Given pool gpu-0 serves llama-7b-v1 with at most 3 restarts in 60 seconds
      And the engine of pool gpu-0 was killed by SIGSEGV 4 times in a row
      And the operator allowed one restart of pool gpu-0 as "op-18"
      When the engine of pool gpu-0 is killed by SIGSEGV once more
      Then pool gpu-0 is stopped by its restart policies: "restart refused: restart storm: 3 restarts in 60 s"

  Rule: Crash and restart counts outlive the manager, and storms are told apart by crash type

    Scenario: The counts read the same after the manager restarts
      Given pool gpu-0 serves llama-7b-v1
      And the engine of pool gpu-0 was killed by SIGSEGV 3 times in a row
      When the manager restarts
      Then the crash count of pool gpu-0 is 3
      And pool gpu-0 has been restarted 2 times

    Scenario: Five out-of-memory kills within 60 seconds are an out-of-memory storm
      Given pool gpu-0 serves llama-7b-v1 with at most 4 restarts in 60 seconds
      When the engine of pool gpu-0 is killed by the out-of-memory killer 5 times in a row
      Then the supervisor raises a critical restart storm alert for pool gpu-0 after 4 restarts
      And the supervisor's restart storm of pool gpu-0 is an oom_storm advising "reduce the model's memory footprint or batch size, or move it to a device with more memory"
