@drain
Feature: Drain
  Draining a pool takes it out of service without cutting work short. At once the pool is
  draining and no longer ready: new leases are refused, the leases already held may finish.
  When the last lease is released the engine stops gracefully. When the drain deadline passes
  first, the engine is stopped by force and the leases still held are abandoned. A drain may
  instead keep the engine: when it ends, the pool serves again on the same engine.

  Background:
    Given pool gpu-0 serves llama-7b-v1

  @req:OC-POOL-3010
  Rule: A draining pool takes no new work

    Scenario: A draining pool refuses new leases
      Given pool gpu-0 holds 1 lease
      When the operator drains pool gpu-0 within 30 seconds
      And a client attempts to lease pool gpu-0
      Then the lease is refused with "pool gpu-0 is draining"

    Scenario: A draining pool is at once no longer ready
      Given pool gpu-0 holds 1 lease
      When the operator drains pool gpu-0 within 30 seconds
      Then pool gpu-0 is draining and not ready

    Scenario: The drain warns how many leases are still active
      Given pool gpu-0 holds 2 leases
      When the operator drains pool gpu-0 within 30 seconds
      Then a warning says pool gpu-0 is draining with 2 active leases

  @req:OC-POOL-3011
  Rule: The release of the last lease completes the drain

    Scenario: An idle pool drains at once
      When the operator drains pool gpu-0 within 30 seconds
      Then the drain of pool gpu-0 completes in 0 seconds
      And pool gpu-0 is stopped, not live and not ready
      And the drain of pool gpu-0 is logged without a warning

    Scenario: Releasing one of two leases leaves the pool draining
      Given pool gpu-0 holds 2 leases
      And the operator is draining pool gpu-0 within 30 seconds
      When a client releases one lease of pool gpu-0
      Then pool gpu-0 is draining and not ready
      And pool gpu-0 has 1 active lease

    Scenario: The drain completes when the last lease is released
      Given pool gpu-0 holds 2 leases
      And the operator is draining pool gpu-0 within 30 seconds
      When 12 seconds pass
      And the clients release every lease of pool gpu-0
      Then the drain of pool gpu-0 completes in 12 seconds
      And the operator is told "pool gpu-0 drained in 12 s"

    @process
    Scenario: A completed drain stops the engine gracefully
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      When the clients release every lease of pool gpu-0
      Then the engine of pool gpu-0 has exited gracefully
      And pool gpu-0 is stopped, not live and not ready

    @process
    Scenario: A drain stops an engine whose helper process holds its output
      Given the engine for llama-7b-v3 starts a helper process that holds its output
      And pool gpu-1 serves llama-7b-v3
      When the operator drains pool gpu-1 within 30 seconds
      Then the drain of pool gpu-1 completes in 0 seconds
      And pool gpu-1 is stopped, not live and not ready

    Scenario: The drain duration is measured per pool
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      When 4 seconds pass
      And the clients release every lease of pool gpu-0
      Then the runtime.drain.duration histogram of pool gpu-0 records 4 seconds for a completed drain
      And the log says the drain of pool gpu-0 completed in 4 seconds

  @process @req:OC-POOL-3012
  Rule: At the deadline the engine is stopped by force

    Scenario: Leases still held at the deadline are abandoned
      Given pool gpu-0 holds 2 leases
      And the operator is draining pool gpu-0 within 30 seconds
      When 30 seconds pass
      Then the drain of pool gpu-0 abandons the 2 leases still held
      And the engine of pool gpu-0 has been killed
      And pool gpu-0 is stopped, not live and not ready
      And the log says, as an error, that the deadline of pool gpu-0 passed with 2 active leases, force-stopping the engine
      And the runtime.drain.duration histogram of pool gpu-0 records 30 seconds for a force-stopped drain

    Scenario: The deadline bounds the engine's graceful stop too
      Given the engine for llama-7b-v4 ignores SIGTERM
      And pool gpu-1 serves llama-7b-v4
      And pool gpu-1 holds 1 lease
      And the operator is draining pool gpu-1 within 30 seconds
      When 25 seconds pass
      And the clients release every lease of pool gpu-1
      And 5 seconds pass
      Then the drain of pool gpu-1 completes in 30 seconds
      And the engine of pool gpu-1 has been killed

    Scenario: One second before the deadline the drain still waits
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      When 29 seconds pass
      Then pool gpu-0 is draining and not ready
      And the engine of pool gpu-0 is still running

  Rule: A drain that keeps the engine gives the pool back, serving on the same engine

    Scenario: A drain that keeps the engine serves again once its leases are released
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds, keeping its engine
      When the clients release every lease of pool gpu-0
      Then the drain of pool gpu-0 completes in 0 seconds
      And pool gpu-0 is ready again on the engine it had

    Scenario: At its deadline a drain that keeps the engine serves again, the leases still held
      Given pool gpu-0 holds 2 leases
      And the operator is draining pool gpu-0 within 30 seconds, keeping its engine
      When 30 seconds pass
      Then the drain of pool gpu-0 times out with the 2 leases still held
      And pool gpu-0 is ready again on the engine it had
      And pool gpu-0 has 2 active leases

    Scenario: The deadline of a drain that keeps the engine is logged as an error and measured
      Given pool gpu-0 holds 2 leases
      And the operator is draining pool gpu-0 within 30 seconds, keeping its engine
      When 30 seconds pass
      Then the log says, as an error, that the deadline of pool gpu-0 passed with 2 active leases, and the pool serves again
      And the runtime.drain.duration histogram of pool gpu-0 records 30 seconds for a timed-out drain

    Scenario: A drain that would keep the engine is refused while a drain stops it
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      When the operator attempts to drain pool gpu-0 within 30 seconds, keeping its engine
      Then the drain is refused with "pool gpu-0 cannot be drained while Draining to stop its engine"
      And pool gpu-0 is draining and not ready

  Rule: The operator is told how the drain ended

    Scenario: A drain whose deadline passed names the leases it abandoned
      Given pool gpu-0 holds 2 leases
      And the operator is draining pool gpu-0 within 30 seconds
      When 30 seconds pass
      Then the operator is told "pool gpu-0 drain deadline passed: 2 leases abandoned (1, 2)"

    Scenario: A drain that keeps the engine tells how many leases were still active at its deadline
      Given pool gpu-0 holds 2 leases
      And the operator is draining pool gpu-0 within 30 seconds, keeping its engine
      When 30 seconds pass
      Then the operator is told "pool gpu-0 drain timed out with 2 active leases"

  Rule: A cancelled drain gives the pool back, serving on its engine

    Scenario: A cancelled drain leaves the pool ready with its leases
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      When the operator cancels the drain of pool gpu-0
      Then the drain of pool gpu-0 ends cancelled, telling "the drain of pool gpu-0 was cancelled: the pool serves again"
      And pool gpu-0 is ready again on the engine it had
      And pool gpu-0 has 1 active lease
      And a warning says the drain of pool gpu-0 was cancelled with 1 active lease

    Scenario: A pool whose drain was cancelled can be drained again
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      And the operator has cancelled the drain of pool gpu-0
      When the operator drains pool gpu-0 within 30 seconds
      And the clients release every lease of pool gpu-0
      Then the drain of pool gpu-0 completes in 0 seconds

  Rule: A runtime that shuts down gives up the drains under way and takes no new one

    Scenario: Shutting the runtime down cancels a drain under way, and the pool serves on
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      When the runtime shuts down its drains
      Then the drain of pool gpu-0 ends cancelled, telling "the drain of pool gpu-0 was cancelled: the pool serves again"
      And pool gpu-0 is ready again on the engine it had

    Scenario: A runtime that has shut down refuses a new drain, and the pool serves on
      Given the runtime has shut down its drains
      When the operator attempts to drain pool gpu-0 within 30 seconds
      Then the drain is refused, as the runtime has shut down
      And pool gpu-0 is ready

  Rule: A drain deadline out of range is refused at once, and the pool serves on

    Scenario Outline: A drain within <deadline> is refused
      When the operator attempts to drain pool gpu-0 within <deadline>
      Then the drain is refused: its deadline <rule>
      And pool gpu-0 is ready

      Examples:
        | description                  | deadline   | rule                      |
        | a negative deadline          | -5 seconds | must not be negative      |
        | a deadline no timer can wait | 50 days    | must be at most 49.7 days |

  Rule: A reload's drain keeps the engine and belongs to the reload

    Scenario: Once a reload has drained the pool, the pool is the reload's: the operator cannot drain it
      Given a reload of pool gpu-0 to llama-7b-v2 has drained the pool and is staging the model
      When the operator attempts to drain pool gpu-0 within 30 seconds
      Then the drain is refused with "pool gpu-0 cannot be drained while Reloading"

    Scenario: A reload does not join the operator's drain begun first: it fails at its drain, touching nothing
      Given pool gpu-0 holds 1 lease
      When a reload of pool gpu-0 to llama-7b-v2 starts and, before it drains the pool, the operator drains it within 30 seconds
      Then the reload of pool gpu-0 fails at its drain, rolling nothing back, with "pool gpu-0 is draining"
      And pool gpu-0 is draining and not ready

  Rule: Drains join and stay independent

    Scenario: Draining a draining pool joins the same drain
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds
      When the operator drains pool gpu-0 within 5 seconds
      And 5 seconds pass
      Then the second drain of pool gpu-0 has joined the first: both still wait, under the first drain's 30-second deadline

    Scenario: Draining one pool leaves another serving
      Given pool gpu-1 serves llama-7b-v1
      When the operator drains pool gpu-0 within 30 seconds
      Then pool gpu-1 is ready

    Scenario: Two pools drained at once drain independently
      Given pool gpu-1 serves llama-7b-v1
      And pool gpu-0 holds 1 lease
      When the operator drains pool gpu-0 within 30 seconds
      And the operator drains pool gpu-1 within 30 seconds
      Then pool gpu-1 is stopped, not live and not ready
      And pool gpu-0 is draining and not ready
      And pool gpu-0 has 1 active lease

    @concurrency
    Scenario: A drain, a reload and lease traffic racing on one pool never leave it stuck
      Given 1000 fresh pools, each serving llama-7b on its own engine
      When on each pool an operator's drain, a reload and clients taking leases start at the same moment
      Then on all 1000 pools the operator's drain either stopped the pool, completed or force-stopped, or was refused as the reload already held the pool
      And on all 1000 pools the reload ran and ended reloaded, refused as the pool was draining or stopped, or failed at its drain with nothing rolled back
      And wherever the operator's drain was refused, the reload served the new version
      And every pool ends ready on a live engine or stopped without one

    Scenario Outline: Every log event of a drain carries the drain's correlation id
      Given pool gpu-0 holds 1 lease
      And the operator is draining pool gpu-0 within 30 seconds, <engine> its engine
      When 30 seconds pass
      Then every log event of the drain of pool gpu-0 carries the drain's correlation id

      Examples:
        | description                   | engine   |
        | a drain that stops the engine | stopping |
        | a drain that keeps the engine | keeping  |

    Scenario: Draining an unknown pool is an error
      When the operator attempts to drain pool gpu-9 within 30 seconds
      Then the drain is refused with "pool gpu-9 is not registered"
