// Nest and class-validator rely on decorator metadata being readable in every test file.
require('reflect-metadata');
