#!/usr/bin/env bash
# Creates an Nx library shell: tools/scaffold-lib.sh <dir> <project-name> <package-name> <tags-json>
# e.g. tools/scaffold-lib.sh libs/cohorts/api cohorts-api @sooc/cohorts-api '"type:api","scope:cohorts"'
set -euo pipefail
dir=$1 name=$2 pkg=$3 tags=$4
depth=$(echo "$dir" | awk -F/ '{print NF}')
up=$(printf '../%.0s' $(seq 1 "$depth"))
mkdir -p "$dir/src/lib"
[ -f "$dir/package.json" ] || cat > "$dir/package.json" <<JSON
{
  "name": "$pkg",
  "version": "0.0.0",
  "private": true,
  "main": "./dist/index.js",
  "types": "./dist/index.d.ts",
  "exports": {
    ".": { "@sooc/source": "./src/index.ts", "types": "./dist/index.d.ts", "default": "./dist/index.js" },
    "./package.json": "./package.json"
  }
}
JSON
[ -f "$dir/project.json" ] || cat > "$dir/project.json" <<JSON
{
  "name": "$name",
  "\$schema": "${up}node_modules/nx/schemas/project-schema.json",
  "sourceRoot": "$dir/src",
  "projectType": "library",
  "tags": [$tags],
  "targets": { "build": {}, "lint": {}, "test": {} }
}
JSON
[ -f "$dir/tsconfig.lib.json" ] || cat > "$dir/tsconfig.lib.json" <<JSON
{
  "extends": "${up}tsconfig.base.json",
  "compilerOptions": {
    "outDir": "dist",
    "rootDir": "src",
    "customConditions": [],
    "tsBuildInfoFile": "dist/tsconfig.lib.tsbuildinfo"
  },
  "include": ["src/**/*.ts"],
  "exclude": ["src/**/*.spec.ts", "src/**/testing/**"]
}
JSON
[ -f "$dir/jest.config.cjs" ] || cat > "$dir/jest.config.cjs" <<JS
module.exports = { ...require('${up}jest.preset.cjs'), displayName: '$name', rootDir: __dirname };
JS
[ -f "$dir/src/index.ts" ] || echo "export {};" > "$dir/src/index.ts"
