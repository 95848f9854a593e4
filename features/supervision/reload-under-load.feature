@reload @load @process
Feature: Reload under load
  Clients keep sending requests while a pool is reloaded, each request through a lease. A drain-first
  reload lets every request that holds a lease finish on the old engine before it stops; requests that
  ask for a lease meanwhile are refused while the pool drains or reloads, and are retried. A surge
  reload refuses nothing: new leases go to the new engine as soon as it is healthy. Once the reload
  has completed, every request is served by the new engine. No request is lost.
  These scenarios run alone, after every other feature, so that the load is theirs.

  Scenario: 32 clients sending requests while the pool reloads lose none
    Given the engine for llama-7b-v1 takes 200 ms to answer a request
    And pool gpu-0 serves llama-7b-v1
    And 32 clients send requests to pool gpu-0, each through a lease
    And every client has been served 3 times
    When the operator reloads pool gpu-0 with engine version 2.0 while they send
    Then no request was lost: each was served, or refused while the pool was draining or reloading, to be retried
    And every request leased after the reload was served by engine version 2.0
    And requests were served by engine version 1.0 before it

  @surge
  Scenario: 32 clients sending requests during a surge reload lose none and are never refused
    Given pool gpu-0 has 24000 MiB of device memory and every model needs 8000 MiB
    And the engine for llama-7b-v1 takes 200 ms to answer a request
    And pool gpu-0 serves llama-7b-v1
    And 32 clients send requests to pool gpu-0, each through a lease
    And every client has been served 3 times
    When the operator surge-reloads pool gpu-0 with engine version 2.0 while they send
    Then no request was lost or refused
    And every request leased after the reload was served by engine version 2.0
    And requests were served by engine version 1.0 before it
