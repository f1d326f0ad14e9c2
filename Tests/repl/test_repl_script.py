"""scripts/repl and scripts/install, run in a copy of the repository whose build step is a stand-in
(scripts/build-release is replaced by one that makes a small `grad` and waits for the test to let
it finish), so that what the scripts print and when they build is seen without a real build."""
import os
import shutil
import stat
import subprocess
import tempfile
import unittest

import pexpect

from harness import ROOT

FAKE_BUILD = """#!/usr/bin/env bash
# Stand-in for the release build: logs its arguments, prints as SwiftPM would, waits for the test.
set -eu
cd "$(dirname "$0")/.."
echo "$*" >> build-calls
[[ " $* " == *" --show-bin-path "* ]] && { echo "$PWD/${2}/release"; exit 0; }
echo "Building for production..."
while [[ ! -e build-may-finish ]]; do sleep 0.05; done
mkdir -p "$2/release"
cat > "$2/release/grad" <<'GRAD'
#!/usr/bin/env bash
echo "grad started with: $*"
IFS= read -r line
echo "grad read: [$line]"
GRAD
chmod +x "$2/release/grad"
"""


class ReplScriptTests(unittest.TestCase):
    def setUp(self):
        self.repo = tempfile.mkdtemp(prefix="grad-repl-script-")
        self.addCleanup(shutil.rmtree, self.repo, True)
        os.mkdir(os.path.join(self.repo, "scripts"))
        for name in ("repl", "install"):
            shutil.copy(os.path.join(ROOT, "scripts", name), os.path.join(self.repo, "scripts", name))
        self.write("scripts/setup", "#!/usr/bin/env bash\n")
        self.write("scripts/build-release", FAKE_BUILD)
        self.write("Package.swift", "// a package\n")
        os.mkdir(os.path.join(self.repo, "Sources"))
        self.write("Sources/main.swift", "// a source\n")

    def write(self, path, text):
        full = os.path.join(self.repo, path)
        with open(full, "w") as f:
            f.write(text)
        if path.startswith("scripts/"):
            os.chmod(full, os.stat(full).st_mode | stat.S_IXUSR)

    def start(self):
        child = pexpect.spawn(os.path.join(self.repo, "scripts", "repl"), ["FILE"], encoding="utf-8", timeout=20,
                              env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": "xterm"})
        self.addCleanup(child.terminate, True)
        return child

    def run_to_end(self, child, line="hello"):
        """Waits for the stand-in grad, gives it a line; returns everything printed before it started."""
        child.expect_exact("grad started with: FILE")
        before = child.before
        child.send(line + "\r")
        child.expect_exact("grad read: [")
        child.expect_exact("]")
        self.assertEqual(child.before, line)
        child.expect(pexpect.EOF)
        return before.replace("\r", "")

    def builds(self):
        path = os.path.join(self.repo, "build-calls")
        return open(path).read().splitlines() if os.path.exists(path) else []

    def test_first_run_builds_and_drops_typed_ahead_keys(self):
        child = self.start()
        child.expect_exact("building grad (first run, a few minutes)...")
        child.send("junk\x1b[D typed while it built")
        child.expect_exact("junk")  # the terminal echoes it while the build runs
        self.write("build-may-finish", "")
        before = self.run_to_end(child)
        self.assertNotIn("Building for production", before)
        self.assertEqual(self.builds(), ["--scratch-path .build-repl"])

    def test_nothing_printed_when_nothing_needs_building(self):
        self.write("build-may-finish", "")
        self.run_to_end(self.start())
        self.assertEqual(self.run_to_end(self.start()), "")
        self.assertEqual(len(self.builds()), 1)

    def test_changed_sources_build_again(self):
        self.write("build-may-finish", "")
        self.run_to_end(self.start())
        binary = os.path.join(self.repo, ".build-repl", "release", "grad")
        old = os.stat(binary).st_mtime - 10
        os.utime(binary, (old, old))
        child = self.start()
        child.expect_exact("building grad (the sources changed)...")
        self.run_to_end(child)
        self.assertEqual(len(self.builds()), 2)

    def test_install_uses_the_same_build(self):
        self.write("build-may-finish", "")
        prefix = os.path.join(self.repo, "prefix")
        result = subprocess.run([os.path.join(self.repo, "scripts", "install")], capture_output=True, text=True,
                                env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PREFIX": prefix, "HOME": self.repo})
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.access(os.path.join(prefix, "bin", "grad"), os.X_OK))
        self.assertEqual(self.builds(), ["--scratch-path .build-repl", "--scratch-path .build-repl --show-bin-path"])
        # scripts/repl then finds it built.
        self.assertEqual(self.run_to_end(self.start()), "")


if __name__ == "__main__":
    unittest.main()
