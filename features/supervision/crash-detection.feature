@crash-detection @process
Feature: Crash detection
  The supervisor watches every engine process. When one stops it tells why from the real exit
  status, the engine's log and its health checks, records the crash on the pool (not live, not
  ready, crash count, last error) and restarts the engine after the backoff delay. An exit with
  code 0 is graceful and not restarted. Pools are supervised independently.

  Background:
    Given pool gpu-0 serves llama-7b-v1

  Rule: The exit status tells why the engine stopped

    Scenario Outline: The exit status names the crash reason
      When the engine of pool gpu-0 <ends>
      Then the crash of pool gpu-0 is recorded as <reason>
      And the last error of pool gpu-0 is "<error>"

      Examples:
        | description                   | ends                                  | reason        | error                                                                                                                        |
        | a non-zero exit code          | exits with code 3                     | process_exit  | process_exit: exited with code 3                                                                                             |
        | exit code 139 is not a signal | exits with code 139                   | process_exit  | process_exit: exited with code 139                                                                                           |
        | a segmentation fault          | is killed by SIGSEGV                  | signal        | signal: killed by SIGSEGV                                                                                                    |
        | an abort                      | is killed by SIGABRT                  | signal        | signal: killed by SIGABRT                                                                                                    |
        | a kill without OOM evidence   | is killed by SIGKILL                  | signal        | signal: killed by SIGKILL                                                                                                    |
        | the out-of-memory killer      | is killed by the out-of-memory killer | out_of_memory | out_of_memory: killed by SIGKILL from the out-of-memory killer (out-of-memory kills in its memory cgroup: 0 before, 1 after) |

    Scenario: A crash takes the pool out of service
      When the engine of pool gpu-0 exits with code 3
      Then pool gpu-0 is not live and not ready
      And the crash count of pool gpu-0 is 1

    Scenario: The crash event names the pool, engine version, uptime and exit code
      Given 90 seconds passed
      When the engine of pool gpu-0 exits with code 3
      Then the crash of pool gpu-0 names engine version 1.0, an uptime of 90 seconds and exit code 3
      And the supervisor logs the crash of pool gpu-0 with engine version 1.0, an uptime of 90 seconds and exit code 3
      And the runtime.engine.crashes counter of pool gpu-0 counts 1 for crash reason process_exit

  Rule: An exit with code 0 is graceful

    Scenario: A graceful exit is not restarted
      When the engine of pool gpu-0 exits with code 0
      And 60 seconds pass
      Then pool gpu-0 is stopped, not live and not ready
      And the crash count of pool gpu-0 is 0

  Rule: An engine is dead when its process ends, even while a helper holds its output

    Scenario: A killed engine is detected though its helper process still holds its output
      Given the engine for llama-7b-v3 starts a helper process that holds its output
      And pool gpu-1 serves llama-7b-v3
      When the engine of pool gpu-1 is killed by SIGKILL
      Then the crash of pool gpu-1 is recorded as signal
      And pool gpu-1 is not live and not ready

  Rule: A driver error in the engine log is a crash

    Scenario: A CUDA error in the log is a driver error
      When the engine of pool gpu-0 logs "CUDA error: an illegal memory access was encountered"
      Then the crash of pool gpu-0 is recorded as driver_error
      And the engine of pool gpu-0 has been stopped

  Rule: An engine must stay healthy and become healthy in time
    The supervisor checks the health of every engine every 5 seconds. A ready engine is stopped after
    three failed checks in a row, not before.

    Scenario: Three failed health checks stop a hung engine
      When the engine of pool gpu-0 stops answering its health check
      And 10 seconds pass
      Then 2 health checks of pool gpu-0 have failed in a row, and its engine is still running
      When 5 seconds pass
      Then the crash of pool gpu-0 is recorded as health_check_failure
      And the engine of pool gpu-0 has been stopped

    Scenario: A hung engine whose helper process holds its output is stopped all the same
      Given the engine for llama-7b-v3 starts a helper process that holds its output
      And pool gpu-1 serves llama-7b-v3
      When the engine of pool gpu-1 stops answering its health check
      And 15 seconds pass
      Then the crash of pool gpu-1 is recorded as health_check_failure
      And the engine of pool gpu-1 has been stopped

    Scenario: An engine that never becomes healthy is a startup failure
      Given the engine for llama-7b-v2 never becomes healthy
      And pool gpu-1 is starting with llama-7b-v2
      When 60 seconds pass
      Then the crash of pool gpu-1 is recorded as startup_failure

  Rule: A crashed engine is restarted after the backoff delay

    Scenario: The engine is back one second after its first crash
      When the engine of pool gpu-0 is killed by SIGSEGV
      And 1 second passes
      Then pool gpu-0 is ready again on a new engine
      And pool gpu-0 has been restarted 1 time

    Scenario: A crash of one pool leaves another serving
      Given pool gpu-1 serves llama-7b-v1
      When the engine of pool gpu-0 is killed by SIGSEGV
      Then the crash of pool gpu-0 is recorded as signal
      And pool gpu-1 is ready
      And the crash count of pool gpu-1 is 0

  Rule: Crash counts survive a restart of the manager

    Scenario: Crash counts and metadata are restored from the state file
      When the engine of pool gpu-0 exits with code 3
      And the manager restarts
      Then the crash count of pool gpu-0 is 1
      And pool gpu-0 keeps its metadata CUDA_VISIBLE_DEVICES=0

    Scenario: A truncated state file is reported, never silently reset
      Given the state file of the manager has been cut in half
      When the manager attempts to restart
      Then the restart is refused because the state file "is corrupt or truncated"

  Rule: A state file that cannot be written never stops supervision

    Scenario: A crash is handled while the state file cannot be written
      Given the state file of the manager cannot be written
      When the engine of pool gpu-0 is killed by SIGSEGV
      And 1 second passes
      Then pool gpu-0 is ready again on a new engine
      And the crash count of pool gpu-0 is 1
      And an error says the state file of the manager could not be saved

    Scenario: The first save that succeeds again keeps every change it missed
      Given the state file of the manager cannot be written
      When the engine of pool gpu-0 exits with code 3
      And the state file of the manager can be written again
      And 1 second passes
      And the manager restarts
      Then the crash count of pool gpu-0 is 1
