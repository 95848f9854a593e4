@surge @reload
Feature: Surge reload
  A surge reload starts the new engine first, beside the old one, where the pool has room for
  both: the pool declares its device memory and each model what it needs. Once the new engine
  passes its health check, new leases go to it at once, while the leases held on the old engine
  finish there; then the old engine stops, gracefully, or by force at the reload's deadline.
  No lease is refused meanwhile. Until the old engine has stopped, it takes the pool back if the
  new one fails. A pool without room for both engines reloads drain-first instead, and says so.

  Background:
    Given pool gpu-0 has 24000 MiB of device memory and every model needs 8000 MiB

  @process
  Rule: The new engine serves at once, and the old one finishes what it holds

    Scenario: After the switch the new version serves and the old engine gets no lease
      Given pool gpu-0 serves llama-7b-v1
      And a client asks pool gpu-0 for a lease at every step of the reload
      When the operator surge-reloads pool gpu-0 with llama-7b-v2
      Then pool gpu-0 serves llama-7b-v2 on a new healthy engine
      And no lease was refused and none went to the old engine after the switch
      And the old engine process of pool gpu-0 has exited
      And the handoff file of pool gpu-0 names llama-7b-v2 and its engine

    Scenario: A surge reload logs each of its steps under its correlation id
      Given pool gpu-0 serves llama-7b-v1
      When the operator surge-reloads pool gpu-0 with llama-7b-v2
      Then the reload reports success, with nothing to roll back
      And the surge reload of pool gpu-0 logged, each with its correlation id:
        | step                                       |
        | the reload started                         |
        | new leases go to the new engine            |
        | the old engine stopped, no lease abandoned |
        | the reload succeeded                       |
      And the runtime.reload.duration histogram of pool gpu-0 has timed 1 surge reload

    Scenario: A surge reload never asks for the thread of the console that started it
      Given pool gpu-0 serves llama-7b-v1
      When the operator surge-reloads pool gpu-0 with llama-7b-v2
      Then the reload reports success, with nothing to roll back
      And the reload never asked for the thread of the console that started it

    Scenario: The leases held on the old engine finish on it
      Given pool gpu-0 serves llama-7b-v1
      And pool gpu-0 holds 2 leases
      When the operator starts a surge reload of pool gpu-0 with llama-7b-v2
      Then the 2 leases held on pool gpu-0 are answered by llama-7b-v1, and a new lease by llama-7b-v2
      And the old engine of pool gpu-0 is still running
      When the clients release every lease of pool gpu-0
      Then the old engine of pool gpu-0 has exited gracefully

    Scenario: At the deadline the old engine is killed, and the leases it still held are reported abandoned
      Given pool gpu-0 serves llama-7b-v1
      And pool gpu-0 holds 2 leases
      When the operator starts a surge reload of pool gpu-0 with llama-7b-v2 within 30 seconds
      And 30 seconds pass
      Then the old engine of pool gpu-0 has been killed
      And the reload succeeds, reporting 2 leases abandoned on the old engine

  @process
  Rule: A failed new engine leaves the old one serving

    Scenario: A new engine that never becomes healthy leaves the old one serving, refusing nothing
      Given pool gpu-0 serves llama-7b-v1
      And the engine for llama-7b-v2 never becomes healthy
      And a client asks pool gpu-0 for a lease at every step of the reload
      When the operator attempts a surge reload of pool gpu-0 with llama-7b-v2
      And 60 seconds pass
      Then the reload fails and tells the operator why:
        | failed at                     | because               |
        | the new engine's health check | not ready within 60 s |
      And pool gpu-0 serves llama-7b-v1 on the same healthy engine, the only one left running
      And no lease was refused during the reload
      And no handoff file was written for pool gpu-0

    Scenario Outline: A surge whose model cannot be staged leaves the old engine serving
      Given pool gpu-0 serves llama-7b-v1
      And staging llama-7b-v2 fails with "disk full"
      And <restoring the old model>
      When the operator attempts a surge reload of pool gpu-0 with llama-7b-v2
      Then the reload fails and tells the operator why:
        | failed at         | because   | rollback failed because   |
        | staging the model | disk full | <rollback failed because> |
      And pool gpu-0 serves llama-7b-v1 on the same healthy engine, the only one left running

      Examples:
        | description                              | restoring the old model                      | rollback failed because |
        | the old model is restored                | restoring llama-7b-v1 succeeds               |                         |
        | the old model's files cannot be restored | restoring llama-7b-v1 fails with "read-only" | read-only               |

    Scenario: A surge whose handoff file cannot be written gives the pool back to the old engine
      Given pool gpu-0 serves llama-7b-v1
      And the handoff file cannot be written
      When the operator attempts a surge reload of pool gpu-0 with llama-7b-v2
      Then the reload fails at writing the handoff file
      And pool gpu-0 serves llama-7b-v1 on the same healthy engine, the only one left running

    Scenario: An operator's drain that begins while the new engine starts keeps the pool on the old engine
      Given pool gpu-0 serves llama-7b-v1
      And pool gpu-0 holds 1 lease
      And the engine for llama-7b-v2 becomes healthy only when told
      When the operator attempts a surge reload of pool gpu-0 with llama-7b-v2
      And the operator drains pool gpu-0 within 30 seconds
      And the new engine of pool gpu-0 is told to become healthy
      And 5 seconds pass
      Then the reload fails and tells the operator why:
        | failed at                    | because                           |
        | the switch to the new engine | pool gpu-0 is Draining, not Ready |
      And the old engine of pool gpu-0 is still running

    Scenario: A new engine that crashes before the old one has stopped hands the pool back to the old one
      Given pool gpu-0 serves llama-7b-v1
      And pool gpu-0 holds 1 lease
      When the operator starts a surge reload of pool gpu-0 with llama-7b-v2
      And the new engine of pool gpu-0 crashes
      Then the reload fails at the old engine's drain, as the new engine ended and llama-7b-v1 on engine 1.0 still serves
      And pool gpu-0 serves llama-7b-v1 on the same healthy engine, the only one left running
      And the handoff file of pool gpu-0 names llama-7b-v1 and its engine
      And the runtime.reload.failures counter of pool gpu-0 counts 1 failure at the old engine's drain

  @process
  Rule: A surge reload given up by the operator puts the pool back as it was

    Scenario: A surge given up while its model is staged leaves the old engine serving, its model restored
      Given pool gpu-0 serves llama-7b-v1
      And staging llama-7b-v2 takes until the reload is given up
      When the operator attempts a surge reload of pool gpu-0 with llama-7b-v2
      And the operator gives the reload up
      Then the reload was given up
      And pool gpu-0 serves llama-7b-v1 on the engine that served it before the reload
      And model llama-7b-v1 has been restored for pool gpu-0

  @process
  Rule: A surge's deadline must fit a timer: from 0 to 49.7 days

    Scenario Outline: A surge reload with a deadline out of range is refused before anything starts
      Given pool gpu-0 serves llama-7b-v1
      When the operator attempts a surge reload of pool gpu-0 with llama-7b-v2 within <deadline>
      Then the reload is refused before anything starts, its deadline being out of range

      Examples:
        | description               | deadline   |
        | a negative one            | -1 seconds |
        | longer than a timer waits | 50 days    |

  Rule: Room decides: a pool without room for both engines reloads drain-first

    Scenario Outline: A pool without room for both engines falls back to drain-first and says why
      Given <what is declared>
      And pool gpu-0 serves llama-7b-v1
      When the operator surge-reloads pool gpu-0 with llama-7b-v2
      Then the reload fell back to drain-first, saying "<why>"
      And pool gpu-0 serves llama-7b-v2 and is ready

      Examples:
        | description                        | what is declared                     | why                                                                                                          |
        | too little device memory           | llama-7b-v2 needs 20000 MiB          | pool gpu-0 has 24000 MiB of device memory, both engines need 28000 MiB (llama-7b-v1 8000, llama-7b-v2 20000) |
        | the pool declares no memory        | pool gpu-0 declares no device memory | pool gpu-0 declares no device memory                                                                         |
        | the served model declares no need  | llama-7b-v1 declares no memory need  | llama-7b-v1 on engine 1.0 declares no memory need                                                            |
        | the new model declares no need     | llama-7b-v2 declares no memory need  | llama-7b-v2 on engine 1.0 declares no memory need                                                            |

    @process
    Scenario: Exactly enough device memory for both engines is room enough
      Given pool gpu-0 has 16000 MiB of device memory and every model needs 8000 MiB
      And pool gpu-0 serves llama-7b-v1
      When the operator surge-reloads pool gpu-0 with llama-7b-v2
      Then pool gpu-0 was reloaded by a surge, without falling back to drain-first

    Scenario: Engines that cannot run side by side reload drain-first, and say so
      Given the engines of pool gpu-0 cannot run side by side
      And pool gpu-0 serves llama-7b-v1
      When the operator surge-reloads pool gpu-0 with llama-7b-v2
      Then the reload fell back to drain-first, saying "the engines cannot run two at once"

  @process
  Rule: An operator's drain during a surge stops both engines

    Scenario: Both engines are gone after an operator's drain
      Given pool gpu-0 serves llama-7b-v1
      And pool gpu-0 holds 1 lease
      When the operator starts a surge reload of pool gpu-0 with llama-7b-v2
      And the operator drains pool gpu-0 within 10 seconds
      And 10 seconds pass
      Then both engines of pool gpu-0 have exited
      And pool gpu-0 is stopped, not live and not ready
      And the reload fails at the old engine's drain, as pool gpu-0 was drained during the surge
