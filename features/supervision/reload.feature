@reload
Feature: Reload
  A reload replaces a pool's engine by another model or engine version and keeps the pool: its
  id and metadata stay. The pool drains (without force), the new model is staged, the old engine
  stops, the new one starts and must answer its health check on loopback before the pool is
  ready again; a handoff file then names the new engine. A failed step restores the old model
  and the old engine: the pool is never ready without a serving engine.

  Background:
    Given pool gpu-0 serves llama-7b-v1

  @req:OC-POOL-3020
  Rule: A reload serves the new version under the same pool

    @process
    Scenario: A reload serves the new model on a new healthy engine
      When the operator reloads pool gpu-0 with llama-7b-v2
      Then pool gpu-0 serves llama-7b-v2 on a new healthy engine
      And the old engine of pool gpu-0 has exited gracefully
      And pool gpu-0 keeps its metadata CUDA_VISIBLE_DEVICES=0
      And the handoff file of pool gpu-0 names llama-7b-v2 and its engine
      And the reload reports success, with nothing to roll back

    @process
    Scenario: Three reloads in a row leave one engine and no orphan process
      When the operator reloads pool gpu-0 with llama-7b-v2
      And the operator reloads pool gpu-0 with llama-7b-v3
      And the operator reloads pool gpu-0 with llama-7b-v4
      Then pool gpu-0 serves llama-7b-v4 on a new healthy engine, the only one left running

    Scenario: A reload to another engine version keeps the model
      When the operator reloads pool gpu-0 with engine version 1.5.0
      Then pool gpu-0 serves llama-7b-v1 on engine version 1.5.0

    Scenario: Reloading the version already served changes nothing
      When the operator reloads pool gpu-0 with llama-7b-v1
      Then the reload succeeds without staging a model
      And the reload reports no rollback, as nothing was swapped

    Scenario: A successful reload is counted and timed from its start to its end
      Given pool gpu-0 holds 1 lease
      When the operator attempts to reload pool gpu-0 with llama-7b-v2 within 30 seconds
      And 10 seconds pass
      And the clients release every lease of pool gpu-0
      Then the runtime.reload.duration histogram of pool gpu-0 has timed 1 drain-first reload at 10 seconds
      And the runtime.reload.successes counter of pool gpu-0 counts 1

    Scenario: A reload stages the new model with the model provisioner
      When the operator reloads pool gpu-0 with llama-7b-v2
      Then the model provisioner has staged llama-7b-v2 for pool gpu-0


  Rule: The operator follows a reload by its correlation id, whether it succeeds or fails

    Scenario Outline: Every log event of a reload and of its drain carries the reload's correlation id
      Given staging llama-7b-v2 <staging>
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      Then every log event of the reload of pool gpu-0, its drain's included, carries the reload's correlation id

      Examples:
        | description            | staging                |
        | a reload that succeeds | succeeds               |
        | a reload that fails    | fails with "disk full" |

    Scenario: A reload of the version already served is logged as having nothing to do
      When the operator reloads pool gpu-0 with llama-7b-v1
      Then the reload of pool gpu-0 was logged as "has nothing to do: it already serves llama-7b-v1 on engine 1.0", under the correlation id of its answer

    Scenario: A refused reload is logged with why, under the correlation id of its answer
      Given no pool gpu-9 is registered
      When the operator attempts to reload pool gpu-9 with llama-7b-v2
      Then the reload of pool gpu-9 was logged as "refused: pool gpu-9 is not registered", under the correlation id of its answer

  Rule: A reload never needs the thread of the console that started it
    A console with one thread, a terminal's loop or a desktop window, may start a reload and wait
    for it on that thread: a reload that asked for the thread back would wait for it forever.
    Every reload in these specifications is started from such a console, and a reload that asks
    for its thread fails its scenario.

    @process
    Scenario: A reload that waits for a lease never asks for the console's thread
      Given pool gpu-0 holds 1 lease
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      And the clients release every lease of pool gpu-0
      Then the reload reports success, with nothing to roll back
      And the reload never asked for the thread of the console that started it

  Rule: The handoff file is replaced whole: whoever reads it never sees half of one

    Scenario: A reader who opened the handoff file before a reload still reads the whole previous one
      When the operator reloads pool gpu-0 with llama-7b-v2
      And a reader opens the handoff file of pool gpu-0
      And the operator reloads pool gpu-0 with llama-7b-v3
      Then the reader reads a whole handoff file naming llama-7b-v2
      And the handoff file of pool gpu-0 names llama-7b-v3 and its engine

  Rule: A reload waits for active leases only until its drain deadline

    Scenario: A lease released in time lets the reload proceed
      Given pool gpu-0 holds 1 lease
      When the operator attempts to reload pool gpu-0 with llama-7b-v2 within 30 seconds
      And 10 seconds pass
      And the clients release every lease of pool gpu-0
      Then pool gpu-0 serves llama-7b-v2 and is ready

    @process
    Scenario: A lease held past the deadline aborts the reload and the old engine keeps serving
      Given pool gpu-0 holds 1 lease
      When the operator attempts to reload pool gpu-0 with llama-7b-v2 within 30 seconds
      And 30 seconds pass
      Then the reload fails and tells the operator what still serves:
        | failed at          | active leases | still serving | engine version |
        | the drain deadline | 1             | llama-7b-v1   | 1.0            |
      And the reload reports no rollback, as nothing was swapped
      And pool gpu-0 serves llama-7b-v1 on the same healthy engine, the only one left running

    @process
    Scenario: An engine that crashes while the reload drains leaves the pool to the supervisor
      Given pool gpu-0 holds 1 lease
      When the operator attempts to reload pool gpu-0 with llama-7b-v2 within 30 seconds
      And the engine of pool gpu-0 is killed by SIGKILL
      And the clients release every lease of pool gpu-0
      Then the reload fails at the drain, as pool gpu-0 left it for a restart by the supervisor
      And the reload reports no rollback, as nothing was swapped

    Scenario: An operator's drain that begins as a reload starts goes on, and the reload touches nothing
      Given pool gpu-0 holds 1 lease
      And the operator drains pool gpu-0 within 30 seconds the moment a reload of it starts
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      Then the reload fails at the drain, as pool gpu-0 is draining
      And the reload reports no rollback, as nothing was swapped
      And model llama-7b-v2 was never staged for pool gpu-0

    Scenario: An operator's drain that joins the reload's drain stops the engine, and the reload gives way
      Given pool gpu-0 holds 1 lease
      When the operator attempts to reload pool gpu-0 with llama-7b-v2 within 30 seconds
      And the operator drains pool gpu-0 within 30 seconds
      And the clients release every lease of pool gpu-0
      Then the reload fails at the drain, as the operator's drain joined it and stopped the engine of pool gpu-0
      And the reload reports no rollback, as nothing was swapped
      And model llama-7b-v2 was never staged for pool gpu-0

    Scenario: A draining pool refuses a reload
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      Then the reload is refused with "pool gpu-0 is draining"

  Rule: Only a known pool that is not already reloading can be reloaded

    Scenario Outline: A reload the pool cannot take is refused and touches nothing
      Given <situation>
      When the operator attempts to reload pool <pool> with llama-7b-v2
      Then the reload is refused with "<refusal>"
      And the reload reports no rollback, as nothing was swapped

      Examples:
        | description                    | situation                                                  | pool  | refusal                      |
        | the manager knows no such pool | no pool gpu-9 is registered                                | gpu-9 | pool gpu-9 is not registered |
        | a reload of the pool runs      | a reload of pool gpu-0 to llama-7b-v3 is staging its model | gpu-0 | pool gpu-0 is reloading      |
        | the pool was drained, stopped  | the operator has drained pool gpu-0                        | gpu-0 | pool gpu-0 is not ready      |

    Scenario: A surge reload of a pool the manager does not know is refused
      Given no pool gpu-9 is registered
      When the operator attempts a surge reload of pool gpu-9 with llama-7b-v2
      Then the reload is refused with "pool gpu-9 is not registered"

    @concurrency
    Scenario: Two operators reloading one pool at the same moment never run two reloads at once
      Given 300 fresh pools, each serving llama-7b on its own engine
      When on each pool two operators start reloads to engine versions 2.0 and 3.0 at the same moment
      Then on every pool one reload served its version while the other was refused as the pool was reloading or draining, or both ran one after the other
      And on some pools the two reloads met, and one was refused

  Rule: A reload to a model with no name is refused before anything starts

    @process
    Scenario Outline: A <strategy> reload to a model with no name is refused, and the old engine serves on
      When the operator attempts a <strategy> reload of pool gpu-0 to a model with no name
      Then the reload is refused before anything starts, as its model has no name, and pool gpu-0 serves llama-7b-v1 on the same engine

      Examples:
        | strategy    |
        | drain-first |
        | surge       |

  Rule: A reload given up by the operator puts the pool back as it was

    Scenario: A reload given up while its model is staged leaves the old engine serving
      Given staging llama-7b-v2 takes until the reload is given up
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      And the operator gives the reload up
      Then the reload was given up
      And pool gpu-0 serves llama-7b-v1 on the engine that served it before the reload
      And model llama-7b-v1 has been restored for pool gpu-0

  @process @req:OC-POOL-3021
  Rule: A failed step restores the old engine

    Scenario Outline: A failure at any step rolls back to the old engine
      Given <failure>
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      Then the reload fails at <step>
      And the reload reports that it rolled back to the old engine
      And pool gpu-0 serves llama-7b-v1 on <engine> healthy engine, the only one left running
      And the runtime.reload.failures counter of pool gpu-0 counts 1 failure at <step>

      Examples:
        | description                   | failure                                    | step                     | engine   |
        | staging the model fails       | staging llama-7b-v2 fails with "disk full" | staging the model        | the same |
        | the new engine cannot start   | the engine for llama-7b-v2 cannot start    | starting the new engine  | a new    |
        | the handoff cannot be written | the handoff file cannot be written         | writing the handoff file | a new    |

    Scenario: A new engine given up by a rollback is killed at once, as it never served
      Given the handoff file cannot be written
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      Then the reload fails at writing the handoff file
      And the engine started for llama-7b-v2 was killed, not asked to stop

    Scenario: A new engine that never becomes healthy is replaced by the old one
      Given the engine for llama-7b-v2 never becomes healthy
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      And 60 seconds pass
      Then the reload fails and tells the operator why:
        | failed at                     | because               |
        | the new engine's health check | not ready within 60 s |
      And pool gpu-0 serves llama-7b-v1 on a new healthy engine, the only one left running
      And the runtime.reload.failures counter of pool gpu-0 counts 1 failure at the new engine's health check

    Scenario: A rollback restores the old model
      Given staging llama-7b-v2 fails with "disk full"
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      Then model llama-7b-v1 has been restored for pool gpu-0

    Scenario: A failed rollback fails the pool and hands it to the supervisor
      Given the engine for llama-7b-v2 cannot start
      And the engine for llama-7b-v1 cannot start
      When the operator attempts to reload pool gpu-0 with llama-7b-v2
      Then the reload fails and tells the operator why:
        | failed at               | because                          | rollback failed because          |
        | starting the new engine | process_exit: exited with code 1 | process_exit: exited with code 1 |
      And pool gpu-0 has failed and is not ready
      And pool gpu-0 has been handed to the supervisor

  Rule: The handoff folder setting names a folder, or is left unset to write no handoff file

    Scenario: Reloads whose handoff folder has no name are refused at once
      When the reloads are set up to write their handoff files to the folder ""
      Then the reloads are refused at once, naming their handoff folder setting

    Scenario: Reloads whose handoff folder name is blank are refused at once
      When the reloads are set up to write their handoff files to the folder "   "
      Then the reloads are refused at once, naming their handoff folder setting

    Scenario: Reloads writing their handoff files to a named folder are set up
      When the reloads are set up to write their handoff files to the folder "handoff"
      Then the reloads are set up
