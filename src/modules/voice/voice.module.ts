import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { VoiceMessage } from './voice-message.entity';
import { VoiceMessagesRepository } from './voice-messages.repository';
import { VoiceService } from './voice.service';

/** Voice notes as durable jobs (the job engine is global). The Telegram side — download, reply — is in bot/. */
@Module({
  imports: [TypeOrmModule.forFeature([VoiceMessage])],
  providers: [VoiceMessagesRepository, VoiceService],
  exports: [VoiceService],
})
export class VoiceModule {}
