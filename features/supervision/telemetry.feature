@telemetry
Feature: Instruments an operator's dashboard reads
  The runtime publishes what it measures on one meter, Runtime, which the manager exports to
  Prometheus. Every instrument carries its unit and a help text that says what it measures, so a
  dashboard needs no glossary: durations are in seconds, counts say what they count. Units are
  written as OpenTelemetry writes them: s for seconds, a word in braces for the thing counted
  ({restart}). The Prometheus exporter turns dots into underscores and appends _seconds to a
  duration and _total to a counter. docs/metrics.md lists the same instruments with their labels.

  Background:
    Given the runtime supervises pool gpu-0: its engines, restart policy, drains and reloads

  Rule: Every instrument is published under its name, with its unit and what it measures

    Scenario Outline: The dashboard shows <instrument> with its unit and what it measures
      When the operator's dashboard reads the runtime's instruments
      Then the dashboard shows <instrument> as the <kind> <on a Prometheus dashboard>, in <unit>
      And the help of <instrument> says "<what it measures>"

      @circuit-breaker
      Examples: The restart circuit
        | instrument                       | kind    | on a Prometheus dashboard              | unit    | what it measures                                                   |
        | runtime.circuit_breaker.state    | gauge   | runtime_circuit_breaker_state          | {state} | State of a pool's restart circuit: 0 closed, 1 open, 2 half-open. |
        | runtime.circuit_breaker.openings | counter | runtime_circuit_breaker_openings_total | {open}  | Transitions of a pool's restart circuit to open.                  |

      @backoff
      Examples: Restart delays
        | instrument                    | kind      | on a Prometheus dashboard             | unit      | what it measures                          |
        | runtime.restart.backoff.delay | histogram | runtime_restart_backoff_delay_seconds | s         | Delay before a scheduled engine restart.  |
        | runtime.restart.scheduled     | counter   | runtime_restart_scheduled_total       | {restart} | Engine restarts scheduled by the backoff. |

      @restart-storm
      Examples: Restart limits
        | instrument             | kind    | on a Prometheus dashboard    | unit      | what it measures                              |
        | runtime.restart.rate   | gauge   | runtime_restart_rate         | {restart} | Restarts of a pool within the sliding window. |
        | runtime.restart.storms | counter | runtime_restart_storms_total | {storm}   | Restart storms of a pool.                     |

      @crash-detection
      Examples: Crashes and restarts of engines
        | instrument              | kind    | on a Prometheus dashboard     | unit      | what it measures                   |
        | runtime.engine.crashes  | counter | runtime_engine_crashes_total  | {crash}   | Engine crashes by pool and reason. |
        | runtime.engine.restarts | counter | runtime_engine_restarts_total | {restart} | Engine restarts by pool.           |

      @drain
      Examples: Drains
        | instrument             | kind      | on a Prometheus dashboard      | unit | what it measures                  |
        | runtime.drain.duration | histogram | runtime_drain_duration_seconds | s    | Time from drain start to its end. |

      @reload
      Examples: Reloads
        | instrument               | kind      | on a Prometheus dashboard       | unit     | what it measures                   |
        | runtime.reload.duration  | histogram | runtime_reload_duration_seconds | s        | Time from reload start to its end. |
        | runtime.reload.successes | counter   | runtime_reload_successes_total  | {reload} | Successful reloads.                |
        | runtime.reload.failures  | counter   | runtime_reload_failures_total   | {reload} | Failed reloads by reason.          |

  Rule: Durations fall into buckets from 10 milliseconds to 5 minutes
    An exporter's default buckets (up to 10000) are made for milliseconds: every duration the runtime
    measures in seconds advises its own buckets instead, from a drain with no lease to a drain deadline.

    Scenario Outline: The dashboard sorts <instrument> into buckets from 10 milliseconds to 5 minutes
      When the operator's dashboard reads the runtime's instruments
      Then <instrument> sorts durations into buckets ending at 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120 and 300 seconds

      @backoff
      Examples: Restart delays
        | instrument                    |
        | runtime.restart.backoff.delay |

      @drain
      Examples: Drains
        | instrument             |
        | runtime.drain.duration |

      @reload
      Examples: Reloads
        | instrument              |
        | runtime.reload.duration |
