#!/usr/bin/env bash
# End-to-end check of the xUnit integration in the real `dotnet test` pipeline: builds tests/FeatureSample (features
# with a Rule, an outline with tagged Examples, @ignore, @serial, a German feature; a failing, an undefined and a
# pending scenario) and runs it with `dotnet test` unfiltered and with Category, FullyQualifiedName, FeatureTitle and
# Description filters, checking outcomes, Reqnroll's snippet, the test-run hooks and the Cucumber messages.
# The checks are the EndToEnd tests of tests/FeatureCodeBehind.Tests (they also run in `dotnet test Specs.sln`).
# Usage: bench/generated-suite/e2e-filters.sh      Exit code 0 when every check holds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
dotnet test tests/FeatureCodeBehind.Tests --filter "FullyQualifiedName~EndToEnd" --logger "console;verbosity=normal"
