import { render } from 'preact';
import { App } from './app';
import { launch } from './telegram';
import './style.css';

render(<App launch={launch()} />, document.getElementById('root')!);
