@surge @reload @process
Feature: Surge reload
  A surge reload starts the new engine first, beside the old one, where the pool has room for
  both: the pool declares its device memory and each model what it needs. Once the new engine
  passes its health check, new leases go to it at once, while the leases held on the old engine
  finish there; then the old engine stops, gracefully, or by force at the reload's deadline.
  No lease is refused meanwhile. Until the old engine has stopped, it takes the pool back if the
  new one fails. A pool without room for both engines reloads drain-first instead, and says so.

  Background:
    Given pool gpu-0 has 24000 MiB of device memory and every model needs 8000 MiB

  Rule: The new engine serves at once, and the old one finishes what it holds

    Scenario: After the switch the new version serves and the old engine gets no lease
      Given pool gpu-0 serves llama-7b-v1
      And a client asks pool gpu-0 for a lease at every step of the reload
      When the operator surge-reloads pool gpu-0 with llama-7b-v2
      Then pool gpu-0 serves llama-7b-v2 on a new healthy engine
      And no lease was refused and none went to the old engine after the switch
      And the old engine process of pool gpu-0 has exited

    Scenario: The leases held on the old engine finish on it
      Given pool gpu-0 serves llama-7b-v1
      And pool gpu-0 holds 2 leases
      When the operator starts a surge reload of pool gpu-0 with llama-7b-v2
      Then the 2 leases held on pool gpu-0 are answered by llama-7b-v1, and a new lease by llama-7b-v2
      And the old engine of pool gpu-0 is still running
      When the clients release every lease of pool gpu-0
      Then the old engine of pool gpu-0 has exited gracefully

    @load
    Scenario: 32 clients sending requests during a surge reload lose none and are never refused
      Given the engine for llama-7b-v1 takes 200 ms to answer a request
      And pool gpu-0 serves llama-7b-v1
      And 32 clients send requests to pool gpu-0, each through a lease
      And every client has been served 3 times
      When the operator surge-reloads pool gpu-0 with engine version 2.0 while they send
      Then no request was lost or refused
      And every request leased after the reload was served by engine version 2.0
      And requests were served by engine version 1.0 before it

  Rule: A failed new engine leaves the old one serving

    Scenario: A new engine that never becomes healthy leaves the old one serving, refusing nothing
      Given pool gpu-0 serves llama-7b-v1
      And the engine for llama-7b-v2 never becomes healthy
      And a client asks pool gpu-0 for a lease at every step of the reload
      When the operator attempts a surge reload of pool gpu-0 with llama-7b-v2
      And 60 seconds pass
      Then the reload fails at the new engine's health check
      And pool gpu-0 serves llama-7b-v1 on the same healthy engine, the only one left running
      And no lease was refused during the reload

  Rule: Room decides: a pool without room for both engines reloads drain-first

    Scenario: A pool without room for both engines falls back to drain-first and says so
      Given pool gpu-0 serves llama-7b-v1
      When the operator surge-reloads pool gpu-0 with llama-70b-v1, which needs 20000 MiB
      Then the reload fell back to drain-first, saying "pool gpu-0 has 24000 MiB of device memory, both engines need 28000 MiB (llama-7b-v1 8000, llama-70b-v1 20000)"
      And pool gpu-0 serves llama-70b-v1 on a new healthy engine

  Rule: An operator's drain during a surge stops both engines

    Scenario: Both engines are gone after an operator's drain
      Given pool gpu-0 serves llama-7b-v1
      And pool gpu-0 holds 1 lease
      When the operator starts a surge reload of pool gpu-0 with llama-7b-v2
      And the operator drains pool gpu-0 within 10 seconds
      And 10 seconds pass
      Then both engines of pool gpu-0 have exited
      And pool gpu-0 is stopped, not live and not ready
