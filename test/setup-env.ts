// Tests never reach GitHub or any other host: every request is answered by nock or a local fake.
process.env.LOG_LEVEL ??= "fatal";
process.env.NODE_ENV = "test";
