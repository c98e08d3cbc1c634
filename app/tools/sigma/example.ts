// The rule and events the converter page offers as an example.
export const EXAMPLE_RULE = `title: PowerShell Started with an Encoded Command
id: 0b6c4b5e-4a36-4d4f-9d7e-2f3a1c5e8a10
status: experimental
description: Detects powershell.exe launched with -EncodedCommand (or a prefix of it).
author: Detection Atlas
date: 2026-11-29
tags:
  - attack.execution
  - attack.t1059.001
logsource:
  product: windows
  category: process_creation
detection:
  selection_img:
    Image|endswith:
      - '\\powershell.exe'
      - '\\pwsh.exe'
  selection_enc:
    CommandLine|windash|contains:
      - ' -enc '
      - ' -encodedcommand '
  condition: all of selection_*
level: medium
`;

export const EXAMPLE_EVENTS = `{"Image": "C:\\\\Windows\\\\System32\\\\WindowsPowerShell\\\\v1.0\\\\powershell.exe", "CommandLine": "powershell.exe /enc SQBFAFgA"}
{"Image": "C:\\\\Windows\\\\System32\\\\notepad.exe", "CommandLine": "notepad.exe report.txt"}
`;
