import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config.service.js';
import { validateEnv } from './env.js';

@Global()
@Module({
  // `load` runs when the module is instantiated (not when this file is imported), so the settings are
  // those of process.env at start; a bad value throws there, naming the variable.
  imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...validateEnv(process.env) })] })],
  providers: [AppConfig],
  exports: [AppConfig],
})
export class AppConfigModule {}
