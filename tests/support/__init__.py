"""Test kits shared by the test folders (servers, databases, vaults)."""
